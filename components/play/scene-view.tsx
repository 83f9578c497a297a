"use client";

import { SceneArt } from "../scene-art";
import type { ScenePrompt } from "@/lib/game/rules";
import type { Scene } from "@/lib/game/types";
import { SceneHeader } from "./scene-header";
import { ChoicePrompt, SymbolPrompt } from "./scene-prompt";

type SceneViewProps = {
  scene: Scene;
  prompt: Extract<ScenePrompt, { kind: "symbol" | "choices" }>;
  outcome: string | null;
  onPickSymbol: (symbol: string) => void;
  onChoose: (choiceId: string) => void;
};

export function SceneView({ scene, prompt, outcome, onPickSymbol, onChoose }: SceneViewProps) {
  return (
    <>
      <SceneHeader scene={scene} />
      <div className="art-frame">
        <SceneArt scene={scene} />
      </div>
      {outcome && (
        <section className="panel outcome" aria-labelledby="outcome-title" data-testid="last-outcome">
          <h2 id="outcome-title" className="panel-title">
            What happened
          </h2>
          <p className="outcome-text">{outcome}</p>
        </section>
      )}
      <div className="panel narration" data-testid="narration">
        <p>{scene.narration}</p>
      </div>
      {prompt.kind === "symbol" ? (
        <SymbolPrompt prompt={prompt} onPick={onPickSymbol} />
      ) : (
        <ChoicePrompt prompt={prompt} onPick={onChoose} />
      )}
    </>
  );
}

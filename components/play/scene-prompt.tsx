"use client";

import type { ScenePrompt } from "@/lib/game/rules";
import type { SymbolChoice } from "@/lib/game/types";
import { NumberedOptions } from "./numbered-options";

const SYMBOL_GLYPH: Record<SymbolChoice, string> = { order: "▲", chaos: "✶", balance: "⚖" };

type PromptProps<K extends ScenePrompt["kind"]> = { prompt: Extract<ScenePrompt, { kind: K }> };

export function SymbolPrompt({ prompt, onPick }: PromptProps<"symbol"> & { onPick: (symbol: string) => void }) {
  return (
    <section className="panel" aria-labelledby="prompt-title" data-testid="prompt-symbol">
      <h2 id="prompt-title" className="panel-title">
        Choose a sigil
      </h2>
      <p className="prompt-text">{prompt.text}</p>
      <NumberedOptions
        layout="grid"
        onPick={onPick}
        options={prompt.options.map((option) => ({
          id: option.symbol,
          testId: `symbol-${option.symbol}`,
          label: (
            <>
              <span className="symbol-glyph" aria-hidden="true">
                {SYMBOL_GLYPH[option.symbol]}
              </span>
              {option.label}
            </>
          ),
        }))}
      />
    </section>
  );
}

export function ChoicePrompt({ prompt, onPick }: PromptProps<"choices"> & { onPick: (choiceId: string) => void }) {
  return (
    <section className="panel" aria-labelledby="prompt-title" data-testid="prompt-choices">
      <h2 id="prompt-title" className="panel-title">
        What will you do?
      </h2>
      <NumberedOptions
        layout="list"
        onPick={onPick}
        options={prompt.choices.map((choice, index) => ({
          id: choice.id,
          testId: `choice-${index + 1}`,
          label: choice.label,
          blockedReason: choice.blockedReason,
        }))}
      />
    </section>
  );
}

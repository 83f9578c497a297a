import { ENDINGS } from "@/lib/game/scenes";
import { SCENE_COUNT, type Scene } from "@/lib/game/types";
import { SceneArt } from "../scene-art";
import { EffectTags } from "./effect-tags";
import { PlayFromHere } from "./play-from-here";

function SymbolSection({ prompt }: { prompt: NonNullable<Scene["symbolPrompt"]> }) {
  return (
    <section className="card-section">
      <h3>Sigil prompt (before the choices)</h3>
      <p className="muted">{prompt.text}</p>
      <ul className="effect-list">
        {prompt.options.map((option) => (
          <li key={option.symbol} className="effect-item">
            <strong>{option.label}</strong> <span className="effect-id">({option.symbol})</span>
            <p className="muted">{option.outcome}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EndingsSection() {
  return (
    <section className="card-section">
      <h3>Endings</h3>
      <ul className="effect-list">
        {Object.values(ENDINGS).map((ending) => (
          <li key={ending.id} className="effect-item">
            <strong>{ending.title}</strong>{" "}
            <span className="ending-tone" data-tone={ending.tone}>
              {ending.tone}
            </span>
            <p className="muted">{ending.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Everything about one scene on a single card: setting, art, text, choices and their mechanics. */
export function SceneCard({ scene }: { scene: Scene }) {
  return (
    <article className="panel scene-card" aria-labelledby={`scene-${scene.index}-title`} data-testid={`scene-card-${scene.index}`}>
      <div className="art-frame">
        <SceneArt scene={scene} />
      </div>
      <div>
        <p className="scene-kicker">Scene {scene.index}</p>
        <h2 id={`scene-${scene.index}-title`}>{scene.title}</h2>
      </div>
      <p className="scene-meta">
        <span>{scene.location}</span>
        <span>{scene.time_of_day}</span>
        <span>{scene.weather}</span>
      </p>
      <p className="narration">{scene.narration}</p>
      {scene.symbolPrompt && <SymbolSection prompt={scene.symbolPrompt} />}
      <section className="card-section">
        <h3>Choices</h3>
        <ol className="effect-list">
          {scene.choices.map((choice) => (
            <li key={choice.id} className="effect-item">
              <strong>{choice.label}</strong> <span className="effect-id">({choice.id})</span>
              <EffectTags scene={scene} choice={choice} />
            </li>
          ))}
        </ol>
      </section>
      {scene.index === SCENE_COUNT && <EndingsSection />}
      <PlayFromHere scene={scene} />
    </article>
  );
}

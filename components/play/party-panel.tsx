import { CLASS_INFO } from "@/lib/game/classes";
import type { GameState } from "@/lib/game/types";
import { HpBar } from "./hp-bar";

export function PartyPanel({ state }: { state: GameState }) {
  return (
    <section className="panel" aria-labelledby="party-title" data-testid="party-panel">
      <h2 id="party-title" className="panel-title">
        {state.party_name}
      </h2>
      <ul className="party-list">
        {state.heroes.map((hero, index) => (
          <li
            key={index}
            className="hero-card"
            data-down={hero.hp <= 0}
            data-testid={`hero-${index + 1}`}
          >
            <div className="hero-card-head">
              <span className="hero-name">{hero.name}</span>
              <span className="hero-class" title={hero.class}>
                {CLASS_INFO[hero.class].tag}
                <span className="visually-hidden"> ({hero.class})</span>
              </span>
            </div>
            <HpBar hero={hero} position={index + 1} />
          </li>
        ))}
      </ul>
    </section>
  );
}

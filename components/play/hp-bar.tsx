import { maxHp } from "@/lib/game/classes";
import type { Hero } from "@/lib/game/types";

export type HpLevel = "high" | "mid" | "low" | "down";

/** Green above half, yellow at half or below, red at a quarter or below. */
export function hpLevel(hp: number, max: number): HpLevel {
  if (hp <= 0) return "down";
  const ratio = hp / max;
  if (ratio <= 0.25) return "low";
  return ratio <= 0.5 ? "mid" : "high";
}

export function HpBar({ hero, position }: { hero: Hero; position: number }) {
  const max = maxHp(hero.class);
  const hp = Math.max(0, Math.min(hero.hp, max));
  const level = hpLevel(hp, max);
  return (
    <div className="hp-row">
      <div
        className="hp-bar"
        role="progressbar"
        aria-label={`${hero.name} HP`}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={hp}
        aria-valuetext={level === "down" ? `Down, 0 of ${max} HP` : `${hp} of ${max} HP`}
        data-level={level}
        data-testid={`hp-bar-${position}`}
      >
        <div className="hp-fill" style={{ width: `${(hp / max) * 100}%` }} />
      </div>
      {level === "down" ? (
        <span className="hp-value hp-down">DOWN</span>
      ) : (
        <span className="hp-value">
          {hp}/{max}
        </span>
      )}
    </div>
  );
}

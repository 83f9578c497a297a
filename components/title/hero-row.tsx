import { CLASS_INFO } from "@/lib/game/classes";
import { HERO_CLASSES, type HeroClass } from "@/lib/game/types";
import { TextField } from "../text-field";

export type HeroDraft = { key: number; name: string; class: HeroClass };

type HeroRowProps = {
  hero: HeroDraft;
  position: number;
  error: string | null;
  onChange: (hero: HeroDraft) => void;
  onBlur: () => void;
  /** absent when the party is at its minimum size */
  onRemove?: () => void;
};

/** One hero in the party builder: name, class picker, and what that class brings. */
export function HeroRow({ hero, position, error, onChange, onBlur, onRemove }: HeroRowProps) {
  const idBase = `hero-${hero.key}`;
  const info = CLASS_INFO[hero.class];
  return (
    <li className="hero-row" data-testid={`hero-row-${position}`}>
      <span className="hero-badge" aria-hidden="true">
        {position}
      </span>
      <TextField
        id={`${idBase}-name`}
        label={`Hero ${position} name`}
        value={hero.name}
        error={error}
        onChange={(event) => onChange({ ...hero, name: event.target.value })}
        onBlur={onBlur}
      />
      <div className="field">
        <label htmlFor={`${idBase}-class`}>{`Hero ${position} class`}</label>
        <select
          id={`${idBase}-class`}
          className="select"
          value={hero.class}
          aria-describedby={`${idBase}-class-info`}
          onChange={(event) => onChange({ ...hero, class: event.target.value as HeroClass })}
        >
          {HERO_CLASSES.map((heroClass) => (
            <option key={heroClass} value={heroClass}>
              {heroClass}
            </option>
          ))}
        </select>
      </div>
      <p className="class-info" id={`${idBase}-class-info`}>
        <span>{info.description}</span>
        <span className="class-hp">Max HP {info.maxHp}</span>
      </p>
      {onRemove && (
        <button type="button" className="btn btn-small hero-remove" onClick={onRemove} aria-label={`Remove hero ${position}`}>
          Remove
        </button>
      )}
    </li>
  );
}

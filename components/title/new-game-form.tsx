"use client";

import { useState, type FormEvent } from "react";
import { describeError } from "@/hooks/api-client";
import { useStartGame } from "@/hooks/use-start-game";
import { newGame } from "@/lib/game/rules";
import type { HeroClass } from "@/lib/game/types";
import { TextField } from "../text-field";
import { HeroRow, type HeroDraft } from "./hero-row";
import { heroNameProblem, partyNameProblem } from "./name-rules";

const MIN_HEROES = 3;
const MAX_HEROES = 4;

const STARTING_HEROES: HeroDraft[] = [
  { key: 1, name: "Bram", class: "Fighter" },
  { key: 2, name: "Ilsa", class: "Wizard" },
  { key: 3, name: "Nim", class: "Rogue" },
];
const FOURTH_HERO: { name: string; class: HeroClass } = { name: "Tova", class: "Cleric" };

/** Party builder: name the party, pick 3–4 heroes, then save a fresh game and start playing. */
export function NewGameForm() {
  const [partyName, setPartyName] = useState("");
  const [heroes, setHeroes] = useState(STARTING_HEROES);
  // Errors show once a field was left or the form was submitted, not while typing the first letter.
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const startGame = useStartGame();

  const partyError = partyNameProblem(partyName);
  const heroErrors = heroes.map((hero) => heroNameProblem(hero.name));
  const visible = (field: string, error: string | null) => (submitted || touched.has(field) ? error : null);
  const touch = (field: string) => setTouched((current) => new Set(current).add(field));

  function updateHero(updated: HeroDraft) {
    setHeroes((current) => current.map((hero) => (hero.key === updated.key ? updated : hero)));
  }

  function addHero() {
    const key = Math.max(...heroes.map((hero) => hero.key)) + 1;
    setHeroes((current) => [...current, { key, ...FOURTH_HERO }]);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const invalidHero = heroes.find((_, i) => heroErrors[i]);
    const firstInvalidId = partyError ? "party-name" : invalidHero ? `hero-${invalidHero.key}-name` : null;
    if (firstInvalidId) {
      document.getElementById(firstInvalidId)?.focus();
      return;
    }
    const state = newGame({
      partyName: partyName.trim(),
      heroes: heroes.map((hero) => ({ name: hero.name.trim(), class: hero.class })),
    });
    startGame.mutate({ kind: "shard", state });
  }

  return (
    <section className="panel" aria-labelledby="new-game-title">
      <h2 id="new-game-title" className="panel-title">
        New game
      </h2>
      <form className="form-stack" noValidate onSubmit={onSubmit} data-testid="new-game-form">
        <TextField
          id="party-name"
          label="Party name"
          placeholder="The Lantern Company"
          value={partyName}
          error={visible("party", partyError)}
          onChange={(event) => setPartyName(event.target.value)}
          onBlur={() => touch("party")}
        />
        <fieldset className="fieldset">
          <legend>Heroes ({heroes.length} of 3–4)</legend>
          <ol className="hero-rows">
            {heroes.map((hero, index) => (
              <HeroRow
                key={hero.key}
                hero={hero}
                position={index + 1}
                error={visible(`hero-${hero.key}`, heroErrors[index] ?? null)}
                onChange={updateHero}
                onBlur={() => touch(`hero-${hero.key}`)}
                onRemove={
                  heroes.length > MIN_HEROES
                    ? () => setHeroes((current) => current.filter((h) => h.key !== hero.key))
                    : undefined
                }
              />
            ))}
          </ol>
        </fieldset>
        {startGame.isError && (
          <p className="form-alert" role="alert">
            Couldn&apos;t start the game: {describeError(startGame.error)}
          </p>
        )}
        <div className="btn-row">
          {heroes.length < MAX_HEROES && (
            <button type="button" className="btn" onClick={addHero}>
              + Add a fourth hero
            </button>
          )}
          {/* No blur on press: a blur error appearing above the button would push it away mid-click. */}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={startGame.isPending || startGame.isSuccess}
            onMouseDown={(event) => event.preventDefault()}
          >
            {startGame.isPending || startGame.isSuccess ? "Saving…" : "Begin the tale ▶"}
          </button>
        </div>
      </form>
    </section>
  );
}

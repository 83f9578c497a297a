// Test support (imported by tests only): fast-check generators of saved game states that pass
// gameStateSchema, from fresh parties to fallen or finished ones, with flags and clues.
import fc from "fast-check";
import { maxHp } from "./classes";
import { SCENES } from "./scenes";
import { HERO_CLASSES, SCENE_KEYS, SYMBOLS, type GameState, type Hero } from "./types";

const HERO_NAMES = ["Bram", "Ilsa", "Nim", "Tova", "Kael", "Mira", "Oswin", "Sable", "Rook", "Wren"];

export const heroArbitrary: fc.Arbitrary<Hero> = fc
  .record({
    name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HERO_NAMES) }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Z][a-z]{1,9}$/) }),
    class: fc.constantFrom(...HERO_CLASSES),
  })
  .chain(({ name, class: heroClass }) =>
    // Mostly standing (hurt or not), sometimes down.
    fc
      .oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: maxHp(heroClass) }) })
      .map((hp) => ({ name, class: heroClass, hp })),
  );

export const flagArbitrary = fc.stringMatching(/^[a-z0-9-]{1,32}$/);

const ALL_CLUE_KEYS = SCENES.flatMap((scene) => scene.choices.map((choice) => `${scene.key}:${choice.id}`));

export const clueArbitrary = fc.oneof(fc.constantFrom(...ALL_CLUE_KEYS), fc.stringMatching(/^scene(1[01]|[1-9]):[a-z0-9-]{1,32}$/));

/** A choice log for a party standing in `sceneIndex`: earlier scenes decided (or skipped), later ones mostly open. */
function choiceLogArbitrary(sceneIndex: number): fc.Arbitrary<GameState["choices"]> {
  const entries = SCENE_KEYS.map((key, i) => {
    const ids = SCENES[i]!.choices.map((choice) => choice.id);
    const decided = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constant(null) });
    const open = fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: decided });
    return i + 1 < sceneIndex ? decided : open;
  });
  return fc.tuple(...entries).map((values) => Object.fromEntries(SCENE_KEYS.flatMap((key, i) => (values[i] === undefined ? [] : [[key, values[i]]]))));
}

export const gameStateArbitrary: fc.Arbitrary<GameState> = fc.integer({ min: 1, max: SCENE_KEYS.length }).chain((sceneIndex) =>
  fc
    .record(
      {
        scene_index: fc.constant(sceneIndex),
        party_name: fc.constantFrom("The Lantern Four", "Snowbound", "Emberpeak Irregulars"),
        heroes: fc.array(heroArbitrary, { minLength: 1, maxLength: 6 }),
        symbol_choice: sceneIndex >= 6 ? fc.constantFrom(null, ...SYMBOLS) : fc.constant(null),
        choices: choiceLogArbitrary(sceneIndex),
        flags: fc.uniqueArray(flagArbitrary, { maxLength: 16 }),
        clues: fc.uniqueArray(clueArbitrary, { maxLength: 16 }),
      },
      { requiredKeys: ["scene_index", "party_name", "heroes", "symbol_choice", "choices"] },
    )
    .map((state): GameState => state),
);

// Scripted routes through the story, and the states they lead to, computed with the game's own
// pure rules so the browser's view can be checked against an independent replay.
import { applyChoice, chooseSymbol, newGame, type NewGameInput } from "@/lib/game/rules";
import { SAFE_PATH } from "@/lib/game/scenes";
import { SCENE_KEYS, type GameState, type HeroClass, type SymbolChoice } from "@/lib/game/types";

/** One player move: a sigil in scene 6, or an ordinary choice. */
export type Step = { symbol: SymbolChoice } | { choice: string };

/** The documented safe path (ends in "The Warden's Rest" with everyone standing). */
export const SAFE_STEPS: readonly Step[] = SCENE_KEYS.flatMap((key): Step[] =>
  key === "scene6"
    ? [{ symbol: SAFE_PATH.symbol }, { choice: SAFE_PATH.choices.scene6 }]
    : [{ choice: SAFE_PATH.choices[key] }],
);

/** The documented reckless path: scene 7 is skipped and the whole party falls to the Warden in scene 8. */
export const RECKLESS_STEPS: readonly Step[] = [
  { choice: "bar-brawl" },
  { choice: "climb-wall" },
  { choice: "hunt-wolves" },
  { choice: "fight-troll" },
  { choice: "rob-offerings" },
  { symbol: "chaos" },
  { choice: "blast-rubble" },
  { choice: "fight" },
];

/** The party the scripted paths are written for (Fighter leads). */
export const CLASSIC_PARTY: readonly { name: string; class: HeroClass }[] = [
  { name: "Bram", class: "Fighter" },
  { name: "Ilsa", class: "Wizard" },
  { name: "Nim", class: "Rogue" },
  { name: "Tova", class: "Cleric" },
];

export function applyStep(state: GameState, step: Step): GameState {
  return "symbol" in step ? chooseSymbol(state, step.symbol) : applyChoice(state, step.choice);
}

/** The state a new game of `party` reaches after `steps`. */
export function replay(steps: readonly Step[], party: NewGameInput): GameState {
  return steps.reduce(applyStep, newGame(party));
}

/** The steps of `path` up to (not including) the first move made in scene `sceneIndex`. */
export function stepsUntilScene(path: readonly Step[], sceneIndex: number, party: NewGameInput): Step[] {
  const taken: Step[] = [];
  let state = newGame(party);
  for (const step of path) {
    if (state.scene_index >= sceneIndex) break;
    state = applyStep(state, step);
    taken.push(step);
  }
  return taken;
}

export const heroHp = (state: GameState): number[] => state.heroes.map((hero) => hero.hp);

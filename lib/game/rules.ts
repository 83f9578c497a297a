// The game's rules as pure, deterministic functions over the saved GameState.
// Nothing here mutates its input: every move returns a new state.
import { maxHp } from "./classes";
import { ENDINGS, SAFE_PATH, SCENES, endingIdFor } from "./scenes";
import {
  SCENE_COUNT,
  SCENE_KEYS,
  SYMBOLS,
  type Choice,
  type ChoiceRequirement,
  type Ending,
  type GameState,
  type Hero,
  type HeroClass,
  type HpEffect,
  type Scene,
  type SceneKey,
  type SymbolChoice,
} from "./types";

export type RuleErrorCode = "invalid_scene" | "invalid_choice" | "not_available" | "game_over";

export class RuleError extends Error {
  readonly code: RuleErrorCode;

  constructor(code: RuleErrorCode, message: string) {
    super(message);
    this.name = "RuleError";
    this.code = code;
  }
}

export type NewGameInput = { partyName: string; heroes: { name: string; class: HeroClass }[] };

export function newGame({ partyName, heroes }: NewGameInput): GameState {
  return {
    scene_index: 1,
    party_name: partyName,
    heroes: heroes.map((hero) => ({ name: hero.name, class: hero.class, hp: maxHp(hero.class) })),
    symbol_choice: null,
    choices: {},
  };
}

export function getScene(index: number): Scene {
  const scene = SCENES[index - 1];
  if (!Number.isInteger(index) || !scene) {
    throw new RuleError("invalid_scene", `There is no scene ${index}; scenes run 1 to ${SCENE_COUNT}.`);
  }
  return scene;
}

export function sceneKey(index: number): SceneKey {
  return getScene(index).key;
}

// --- Heroes and HP -----------------------------------------------------------

const isStanding = (hero: Hero) => hero.hp > 0;

export function isDefeated(state: GameState): boolean {
  return !state.heroes.some(isStanding);
}

/** Which heroes (by position) an effect hits, among those still standing. */
function targetIndexes(heroes: readonly Hero[], target: HpEffect["target"]): number[] {
  const standing = heroes.flatMap((hero, index) => (isStanding(hero) ? [index] : []));
  const leader = standing.slice(0, 1);
  if (target === "party") return standing;
  if (target === "leader") return leader;
  const ofClass = standing.filter((index) => heroes[index]?.class === target);
  return ofClass.length > 0 ? ofClass : leader;
}

/** Applies effects in order (so a later effect sees who an earlier one knocked out); HP stays within 0..max. */
export function applyHpEffects(heroes: readonly Hero[], effects: readonly HpEffect[]): Hero[] {
  return effects.reduce<Hero[]>(
    (current, effect) => {
      const hit = new Set(targetIndexes(current, effect.target));
      return current.map((hero, index) =>
        hit.has(index) ? { ...hero, hp: Math.min(maxHp(hero.class), Math.max(0, hero.hp + effect.delta)) } : hero,
      );
    },
    [...heroes],
  );
}

// --- Requirements ------------------------------------------------------------

function earlierChoiceLabel(requirement: NonNullable<ChoiceRequirement["earlier"]>): string {
  const scene = SCENES.find((candidate) => candidate.key === requirement.scene);
  return scene?.choices.find((choice) => choice.id === requirement.choice)?.label ?? requirement.choice;
}

/** The key a game-master clue for this choice is stored under: "<sceneKey>:<choiceId>". */
export function clueKey({ scene, choice }: { scene: SceneKey; choice: string }): string {
  return `${scene}:${choice}`;
}

/** Whether a clue unlocked this choice. Callers may pass a copy of the choice, so an unknown object is looked up in the current scene. */
function isClued({ state, choice }: { state: GameState; choice: Choice }): boolean {
  if (!state.clues?.length) return false;
  const scene = SCENES.find((candidate) => candidate.choices.includes(choice)) ?? SCENES[state.scene_index - 1];
  return scene !== undefined && state.clues.includes(clueKey({ scene: scene.key, choice: choice.id }));
}

/**
 * Why a choice can't be taken right now ("Needs a Wizard"), or null when it can. A clue lifts the
 * class and earlier-choice requirements, never the sigil one (the sigil decides the endings).
 */
export function blockedReason(state: GameState, choice: Choice): string | null {
  const { heroClass, symbol, earlier } = choice.requires ?? {};
  const clued = isClued({ state, choice });
  if (heroClass && !clued && !state.heroes.some((hero) => hero.class === heroClass && isStanding(hero))) {
    return `Needs a ${heroClass}`;
  }
  if (symbol && state.symbol_choice !== symbol) return `Needs the ${symbol} sigil`;
  if (earlier && !clued && state.choices[earlier.scene] !== earlier.choice) {
    return `Needs an earlier choice: "${earlierChoiceLabel(earlier)}"`;
  }
  return null;
}

// --- Progress ----------------------------------------------------------------

export function isFinished(state: GameState): boolean {
  return typeof state.choices.scene11 === "string";
}

export function getEnding(state: GameState): Ending | null {
  if (!isFinished(state) || isDefeated(state)) return null;
  const endingId = endingIdFor(state.symbol_choice, state.choices);
  return endingId ? ENDINGS[endingId] : null;
}

/** Every choice of the scene is listed; `blockedReason` says why one can't be taken (the UI shows it disabled). */
export type OfferedChoice = Choice & { blockedReason: string | null };

export type ScenePrompt =
  | { kind: "symbol"; text: string; options: NonNullable<Scene["symbolPrompt"]>["options"] }
  | { kind: "choices"; choices: OfferedChoice[] }
  | { kind: "finished"; ending: Ending | null }
  | { kind: "defeated" };

/** What the player is asked next in the current scene. */
export function currentPrompt(state: GameState): ScenePrompt {
  if (isDefeated(state)) return { kind: "defeated" };
  if (isFinished(state)) return { kind: "finished", ending: getEnding(state) };
  const scene = getScene(state.scene_index);
  if (scene.symbolPrompt && state.symbol_choice === null) {
    return { kind: "symbol", text: scene.symbolPrompt.text, options: scene.symbolPrompt.options };
  }
  return {
    kind: "choices",
    choices: scene.choices.map((choice) => ({ ...choice, blockedReason: blockedReason(state, choice) })),
  };
}

function assertInPlay(state: GameState): void {
  if (isDefeated(state)) throw new RuleError("game_over", "The party has fallen.");
  if (isFinished(state)) throw new RuleError("game_over", "The tale is already told.");
}

const isSymbol = (value: string): value is SymbolChoice => (SYMBOLS as readonly string[]).includes(value);

/** Takes a sigil in the symbol scene; the party stays there to make the scene's ordinary choice. */
export function chooseSymbol(state: GameState, symbol: string): GameState {
  assertInPlay(state);
  if (!isSymbol(symbol)) throw new RuleError("invalid_choice", `Unknown symbol "${symbol}".`);
  if (!getScene(state.scene_index).symbolPrompt || state.symbol_choice !== null) {
    throw new RuleError("not_available", "No sigil can be chosen here.");
  }
  return { ...state, symbol_choice: symbol };
}

/**
 * Makes a choice in the current scene: applies its HP effects, records it, logs skipped scenes as null
 * and moves on. The scene index stays put when the tale ends here: on the final scene, or when the
 * choice fells the whole party (so the UI shows where they fell).
 */
export function applyChoice(state: GameState, choiceId: string): GameState {
  assertInPlay(state);
  const scene = getScene(state.scene_index);
  if (scene.symbolPrompt && state.symbol_choice === null) {
    throw new RuleError("not_available", "Choose a sigil first.");
  }
  const choice = scene.choices.find((candidate) => candidate.id === choiceId);
  if (!choice) throw new RuleError("invalid_choice", `Scene ${scene.index} has no choice "${choiceId}".`);
  const reason = blockedReason(state, choice);
  if (reason) throw new RuleError("not_available", reason);

  const played: GameState = {
    ...state,
    heroes: applyHpEffects(state.heroes, choice.hp ?? []),
    choices: { ...state.choices, [scene.key]: choice.id },
  };
  if (scene.index === SCENE_COUNT || isDefeated(played)) return played;

  const nextIndex = choice.next ?? scene.index + 1;
  const skipped = SCENE_KEYS.slice(scene.index, nextIndex - 1);
  return {
    ...played,
    scene_index: nextIndex,
    choices: { ...played.choices, ...Object.fromEntries(skipped.map((key) => [key, null])) },
  };
}

/** The outcome text of the most recent move (a choice or the sigil), derived from the saved state. */
export function lastOutcome(state: GameState): string | null {
  const current = getScene(state.scene_index);
  const symbolOption = current.symbolPrompt?.options.find((option) => option.symbol === state.symbol_choice);
  if (symbolOption && !state.choices[current.key]) return symbolOption.outcome;

  for (const scene of SCENES.slice(0, state.scene_index).reverse()) {
    const choiceId = state.choices[scene.key];
    if (choiceId) return scene.choices.find((choice) => choice.id === choiceId)?.outcome ?? null;
  }
  return null;
}

// --- Sandbox -----------------------------------------------------------------

/** The designer page's stand-in party. */
export const SANDBOX_PARTY: NewGameInput = {
  partyName: "The Sandbox Four",
  heroes: [
    { name: "Bram", class: "Fighter" },
    { name: "Ilsa", class: "Wizard" },
    { name: "Nim", class: "Rogue" },
    { name: "Tova", class: "Cleric" },
  ],
};

/** The sandbox party placed at a scene, having played the safe path there (so HP and the log are plausible). */
export function sandboxState(sceneIndex: number): GameState {
  getScene(sceneIndex);
  let state = newGame(SANDBOX_PARTY);
  while (state.scene_index < sceneIndex) {
    if (currentPrompt(state).kind === "symbol") state = chooseSymbol(state, SAFE_PATH.symbol);
    state = applyChoice(state, SAFE_PATH.choices[sceneKey(state.scene_index)]);
  }
  return state;
}

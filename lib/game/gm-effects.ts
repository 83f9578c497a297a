// The game master's bounded effects on the game: the tools a model may call while narrating in
// chat, and the pure rules that decide whether a call may change the saved state. Nothing a model
// sends is trusted: every call is parsed here, then checked against the state it would change.
// Pure and free of server-only imports: the browser uses it to show what an effect did.
import { z } from "@/lib/zod";
import { maxHp } from "./classes";
import { clueKey, getScene, isDefeated, isFinished } from "./rules";
import { SCENES } from "./scenes";
import { STORY_MARK_LIMIT, choiceIdSchema, clueSchema, flagSchema } from "./state-schema";
import { SCENE_KEYS, type Choice, type GameState, type SceneKey } from "./types";

/** The largest HP change one effect may make, either way. */
export const GM_HP_DELTA_LIMIT = 10;

const reasonText = z.string().trim().max(200);

const adjustHpArgs = z.strictObject({
  hero: z.string().trim().min(1).max(40).describe("The hero's name, exactly as in the party"),
  delta: z
    .number()
    .int()
    .min(-GM_HP_DELTA_LIMIT)
    .max(GM_HP_DELTA_LIMIT)
    .describe("HP to add (positive) or take (negative); never 0"),
  reason: reasonText.min(1).describe("What in the story caused it, in a few words"),
});

const setFlagArgs = z.strictObject({
  flag: flagSchema.describe('A short story fact in kebab-case, e.g. "befriended-troll"'),
  reason: reasonText.optional(),
});

const giveClueArgs = z.strictObject({
  scene: z.enum(SCENE_KEYS).describe("The scene of the choice, e.g. scene4"),
  choice: choiceIdSchema.describe("The id of a locked choice in the current or a later scene"),
  reason: reasonText.optional(),
});

/** A tool as a model provider needs it; lib/ai's ToolSpec has the same shape. */
export type GmToolDefinition = { name: string; description: string; parameters: z.ZodObject };

export const GM_TOOLS = [
  {
    name: "adjust_hp",
    description:
      "Change one standing hero's HP by a small amount (-10..10) when the story clearly heals or hurts them. It cannot down or revive a hero.",
    parameters: adjustHpArgs,
  },
  {
    name: "set_flag",
    description: "Remember a noteworthy story fact the party earned, such as a friendship, a bargain or an insult.",
    parameters: setFlagArgs,
  },
  {
    name: "give_clue",
    description:
      "Reveal a way to take a choice that is locked behind a missing hero class or an earlier choice, when the party found or learned something that opens it.",
    parameters: giveClueArgs,
  },
] as const satisfies readonly GmToolDefinition[];

export type GmToolName = (typeof GM_TOOLS)[number]["name"];

export type GmEffect =
  | { kind: "hp"; hero: string; delta: number; reason: string }
  | { kind: "flag"; flag: string; reason: string }
  | { kind: "clue"; scene: SceneKey; choice: string; reason: string };

export type GmEffectErrorCode =
  | "unknown_tool"
  | "invalid_args"
  | "game_over"
  | "unknown_hero"
  | "hero_down"
  | "no_change"
  | "flag_limit"
  | "duplicate_flag"
  | "unknown_choice"
  | "not_locked"
  | "already_unlocked"
  | "clue_limit";

export class GmEffectError extends Error {
  readonly code: GmEffectErrorCode;

  constructor(code: GmEffectErrorCode, message: string) {
    super(message);
    this.name = "GmEffectError";
    this.code = code;
  }
}

function parseArgs<S extends z.ZodType>({ schema, name, args }: { schema: S; name: string; args: unknown }): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "args"}: ${issue.message}`).join("; ");
  throw new GmEffectError("invalid_args", `${name}: ${problems}`);
}

/** Turns a model's tool call into an effect, or throws GmEffectError saying what was wrong with it. */
export function parseGmToolCall(name: string, args: unknown): GmEffect {
  switch (name) {
    case "adjust_hp": {
      const { hero, delta, reason } = parseArgs({ schema: adjustHpArgs, name, args });
      if (delta === 0) throw new GmEffectError("invalid_args", "adjust_hp: delta must not be 0");
      return { kind: "hp", hero, delta, reason };
    }
    case "set_flag": {
      const { flag, reason = "" } = parseArgs({ schema: setFlagArgs, name, args });
      return { kind: "flag", flag, reason };
    }
    case "give_clue": {
      const { scene, choice, reason = "" } = parseArgs({ schema: giveClueArgs, name, args });
      return { kind: "clue", scene, choice, reason };
    }
    default:
      throw new GmEffectError("unknown_tool", `There is no game-master tool "${name.slice(0, 64)}".`);
  }
}

/** The hero an effect names: an exact match first, else the single case-insensitive one. */
function findHeroIndex({ state, name }: { state: GameState; name: string }): number {
  const wanted = name.trim();
  const exact = state.heroes.findIndex((hero) => hero.name === wanted);
  if (exact >= 0) return exact;
  const matches = state.heroes.flatMap((hero, index) => (hero.name.toLowerCase() === wanted.toLowerCase() ? [index] : []));
  if (matches.length !== 1) {
    throw new GmEffectError("unknown_hero", matches.length ? `"${wanted}" names more than one hero.` : `No hero is named "${wanted}".`);
  }
  return matches[0]!;
}

function applyHp({ state, effect }: { state: GameState; effect: Extract<GmEffect, { kind: "hp" }> }): GameState {
  if (!Number.isInteger(effect.delta) || effect.delta === 0 || Math.abs(effect.delta) > GM_HP_DELTA_LIMIT) {
    throw new GmEffectError("invalid_args", `An HP change must be a whole number from -${GM_HP_DELTA_LIMIT} to ${GM_HP_DELTA_LIMIT}, not 0.`);
  }
  const index = findHeroIndex({ state, name: effect.hero });
  const hero = state.heroes[index]!;
  if (hero.hp <= 0) throw new GmEffectError("hero_down", `${hero.name} is down; only the story's choices can change that.`);
  // Never down a hero (only choices can), never heal past the class maximum (nor lower an HP
  // that an older save has above it).
  const ceiling = Math.max(maxHp(hero.class), hero.hp);
  const hp = Math.min(ceiling, Math.max(1, hero.hp + effect.delta));
  if (hp === hero.hp) {
    throw new GmEffectError("no_change", effect.delta > 0 ? `${hero.name} is already at full HP.` : `${hero.name} cannot lose more HP to the game master.`);
  }
  return { ...state, heroes: state.heroes.map((candidate, i) => (i === index ? { ...candidate, hp } : candidate)) };
}

function applyFlag({ state, effect }: { state: GameState; effect: Extract<GmEffect, { kind: "flag" }> }): GameState {
  if (!flagSchema.safeParse(effect.flag).success) throw new GmEffectError("invalid_args", `"${effect.flag.slice(0, 40)}" is not a flag.`);
  const flags = state.flags ?? [];
  if (flags.includes(effect.flag)) throw new GmEffectError("duplicate_flag", `The story already remembers "${effect.flag}".`);
  if (flags.length >= STORY_MARK_LIMIT) throw new GmEffectError("flag_limit", `A party keeps at most ${STORY_MARK_LIMIT} story flags.`);
  return { ...state, flags: [...flags, effect.flag] };
}

/** Whether a hero class or an earlier choice keeps this choice closed (a clue can lift only those). */
function isLockedForClue({ state, choice }: { state: GameState; choice: Choice }): boolean {
  const { heroClass, earlier } = choice.requires ?? {};
  const missingClass = heroClass !== undefined && !state.heroes.some((hero) => hero.class === heroClass && hero.hp > 0);
  const missingEarlier = earlier !== undefined && state.choices[earlier.scene] !== earlier.choice;
  return missingClass || missingEarlier;
}

/** The choices a clue could unlock right now: locked by class or an earlier choice, in the current scene or a later one. */
export function clueableChoices(state: GameState): { scene: SceneKey; choice: Choice }[] {
  return SCENES.filter((scene) => scene.index >= state.scene_index).flatMap((scene) =>
    scene.choices
      .filter((choice) => isLockedForClue({ state, choice }) && !state.clues?.includes(clueKey({ scene: scene.key, choice: choice.id })))
      .map((choice) => ({ scene: scene.key, choice })),
  );
}

function applyClue({ state, effect }: { state: GameState; effect: Extract<GmEffect, { kind: "clue" }> }): GameState {
  const key = clueKey({ scene: effect.scene, choice: effect.choice });
  if (!clueSchema.safeParse(key).success) throw new GmEffectError("invalid_args", "A clue needs a scene key and a choice id.");
  const scene = SCENES.find((candidate) => candidate.key === effect.scene);
  const choice = scene?.choices.find((candidate) => candidate.id === effect.choice);
  if (!scene || !choice) throw new GmEffectError("unknown_choice", `There is no choice "${effect.choice}" in ${effect.scene}.`);
  if (scene.index < state.scene_index) throw new GmEffectError("unknown_choice", `${scene.title} is behind the party.`);
  const clues = state.clues ?? [];
  if (clues.includes(key)) throw new GmEffectError("already_unlocked", `"${choice.label}" is already open to the party.`);
  if (!isLockedForClue({ state, choice })) {
    throw new GmEffectError("not_locked", `"${choice.label}" is not locked by a hero class or an earlier choice.`);
  }
  if (clues.length >= STORY_MARK_LIMIT) throw new GmEffectError("clue_limit", `A party keeps at most ${STORY_MARK_LIMIT} clues.`);
  return { ...state, clues: [...clues, key] };
}

/** Applies an effect to a game in play, or throws GmEffectError saying why it may not. */
export function applyGmEffect(state: GameState, effect: GmEffect): GameState {
  if (isDefeated(state)) throw new GmEffectError("game_over", "The party has fallen.");
  if (isFinished(state)) throw new GmEffectError("game_over", "The tale is already told.");
  switch (effect.kind) {
    case "hp":
      return applyHp({ state, effect });
    case "flag":
      return applyFlag({ state, effect });
    case "clue":
      return applyClue({ state, effect });
  }
}

const signed = (value: number) => (value > 0 ? `+${value}` : `−${Math.abs(value)}`);

/** A short chat line saying what an applied effect did, e.g. "Ilsa +4 HP" or "Story: befriended-troll". */
export function describeGmEffect(effect: GmEffect, before: GameState, after: GameState): string {
  switch (effect.kind) {
    case "hp": {
      const index = findHeroIndex({ state: before, name: effect.hero });
      const hero = after.heroes[index] ?? before.heroes[index]!;
      return `${hero.name} ${signed(hero.hp - before.heroes[index]!.hp)} HP`;
    }
    case "flag":
      return `Story: ${effect.flag}`;
    case "clue": {
      const scene = SCENES.find((candidate) => candidate.key === effect.scene) ?? getScene(before.scene_index);
      const label = scene.choices.find((choice) => choice.id === effect.choice)?.label ?? effect.choice;
      // "Take the miner's goat path (skip ahead)" reads better without its button hint.
      return `Clue: "${label.replace(/\s*\([^)]*\)$/, "")}" (${scene.title}) is open to you`;
    }
  }
}

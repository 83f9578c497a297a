import { displayText, int32, z } from "@/lib/zod";
import { HERO_CLASSES, SCENE_COUNT, SCENE_KEYS, SYMBOLS } from "./types";

// The saved game as it crosses the wire. Shared by the API (validation) and the browser.

export const heroSchema = z.strictObject({
  name: displayText({ max: 40 }),
  class: z.enum(HERO_CLASSES),
  hp: int32({ min: 0, max: 999 }),
});

export const choiceIdSchema = z.string().regex(/^[a-z0-9-]{1,32}$/, "must be a choice id: 1–32 of a-z, 0-9, '-'");

/** How many story flags, and how many clues, one party can collect. */
export const STORY_MARK_LIMIT = 16;

export const flagSchema = z.string().regex(/^[a-z0-9-]{1,32}$/, "must be a flag: 1–32 of a-z, 0-9, '-'");

/** "<sceneKey>:<choiceId>", e.g. "scene4:goat-path". */
export const clueSchema = z
  .string()
  .regex(/^scene(1[01]|[1-9]):[a-z0-9-]{1,32}$/, 'must be a clue: "<sceneKey>:<choiceId>"');

const uniqueList = (item: z.ZodString) =>
  z
    .array(item)
    .max(STORY_MARK_LIMIT)
    .refine((values) => new Set(values).size === values.length, "must not repeat an entry");

export const gameStateSchema = z.strictObject({
  scene_index: int32({ min: 1, max: SCENE_COUNT }),
  party_name: displayText({ max: 60 }),
  heroes: z.array(heroSchema).min(1).max(6),
  symbol_choice: z.enum(SYMBOLS).nullable(),
  choices: z.partialRecord(z.enum(SCENE_KEYS), choiceIdSchema.nullable()),
  // Optional, so saves from before the game master existed still parse.
  flags: uniqueList(flagSchema).optional(),
  clues: uniqueList(clueSchema).optional(),
});

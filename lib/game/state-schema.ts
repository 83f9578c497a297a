import { z } from "@/lib/zod";
import { HERO_CLASSES, SCENE_COUNT, SCENE_KEYS, SYMBOLS } from "./types";

// The saved game as it crosses the wire. Shared by the API (validation) and the browser.

// Visible text only: no control characters, not blank.
const displayText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, "must not contain control characters")
    .refine((value) => value.trim().length > 0, "must not be blank");

export const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "must be 1–128 letters, digits, '-' or '_'");

export const heroSchema = z.strictObject({
  name: displayText(40),
  class: z.enum(HERO_CLASSES),
  hp: z.number().int().min(0).max(999),
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
  scene_index: z.number().int().min(1).max(SCENE_COUNT),
  party_name: displayText(60),
  heroes: z.array(heroSchema).min(1).max(6),
  symbol_choice: z.enum(SYMBOLS).nullable(),
  choices: z.partialRecord(z.enum(SCENE_KEYS), choiceIdSchema.nullable()),
  // Optional, so saves from before the game master existed still parse.
  flags: uniqueList(flagSchema).optional(),
  clues: uniqueList(clueSchema).optional(),
});

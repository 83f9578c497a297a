import type { z } from "@/lib/zod";
import { gameStateSchema, heroSchema } from "@/lib/game/state-schema";

// The form checks names with the same schema the API validates saves with, in friendlier words.

export const PARTY_NAME_MAX = 60;
export const HERO_NAME_MAX = 40;

function nameProblem(schema: z.ZodType, value: string, what: string, max: number): string | null {
  const result = schema.safeParse(value.trim());
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (value.trim().length === 0) return `Give your ${what} a name.`;
  if (issue?.code === "too_big") return `Keep it to ${max} characters or fewer.`;
  return `That name ${issue?.message ?? "isn't allowed"}.`;
}

export const partyNameProblem = (value: string) =>
  nameProblem(gameStateSchema.shape.party_name, value, "party", PARTY_NAME_MAX);

export const heroNameProblem = (value: string) => nameProblem(heroSchema.shape.name, value, "hero", HERO_NAME_MAX);

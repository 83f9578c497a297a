import { z } from "zod";
import { gameStateSchema, sessionIdSchema } from "@/lib/game/state-schema";

export const SAVE_BODY_LIMIT = 64 * 1024;

export const saveRequestSchema = z.strictObject({
  session_id: sessionIdSchema,
  state: gameStateSchema,
  /** Optimistic locking: the version the client last saw (0 = the party must not exist yet). */
  expected_version: z.number().int().min(0).optional(),
});

export type SaveRequest = z.infer<typeof saveRequestSchema>;
export type SaveResponse = { status: "saved"; scene_index: number; version: number };

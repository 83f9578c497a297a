// The save/load API's wire contract, shared by the route handlers and the browser.
import { gameStateSchema } from "@/lib/game/state-schema";
import type { GameState } from "@/lib/game/types";
import { int32, z } from "@/lib/zod";

/** How many saved states of a party are kept for history and rewind. */
export const SNAPSHOTS_KEPT = 20;

/** The API's session id rule: 1–128 chars of letters, digits, "_" and "-". */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
export const sessionIdSchema = z.string().regex(SESSION_ID_PATTERN, "must be 1–128 letters, digits, '-' or '_'");

export const SAVE_BODY_LIMIT = 64 * 1024;
export const RESTORE_BODY_LIMIT = 1024;

export const saveRequestSchema = z.strictObject({
  session_id: sessionIdSchema,
  state: gameStateSchema,
  /** Optimistic locking: the version the client last saw (0 = the party must not exist yet). */
  expected_version: int32({ min: 0 }).optional(),
});
export type SaveRequest = z.infer<typeof saveRequestSchema>;
export type SaveResponse = { status: "saved"; scene_index: number; version: number };

export const restoreRequestSchema = z.strictObject({ snapshot_id: z.uuid() });
export type RestoreRequest = z.infer<typeof restoreRequestSchema>;

/** What load answers (and restore, and a 409's `details.current`). */
export type SavedGame = { session_id: string; state: GameState; version: number; updated_at: string };
export type SnapshotSummary = { id: string; version: number; scene_index: number; created_at: string; state: GameState };
export type SaveHistory = { session_id: string; snapshots: SnapshotSummary[] };
export type PartySummary = { session_id: string; party_name: string; scene_index: number; version: number; updated_at: string };

/** The `[sessionId]` segment of the save routes. */
export const sessionParamsSchema = z.strictObject({ sessionId: sessionIdSchema });

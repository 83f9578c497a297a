import "server-only";
import { getDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";

// Revocable sessions without a database read on every request: a session cookie carries the
// user's session generation; bumping the stored one ends every cookie issued before. Each process
// remembers a user's generation for SESSION_CHECK_TTL_MS, so a bump made by this process takes
// effect at once, one made by another process within that time.

type Remembered = { generation: number | null; freshUntil: number };

const REMEMBERED_LIMIT = 50_000;
// On globalThis: the proxy and the route handlers are bundled apart but share this memory, so a
// bump seen by one is seen by both.
const holder = globalThis as typeof globalThis & { taleshardSessionGenerations?: { remembered: Map<string, Remembered>; inFlight: Map<string, Promise<number | null>> } };
holder.taleshardSessionGenerations ??= { remembered: new Map(), inFlight: new Map() };
const { remembered, inFlight } = holder.taleshardSessionGenerations;

function rememberGeneration(userId: string, generation: number | null): void {
  if (remembered.size >= REMEMBERED_LIMIT && !remembered.has(userId)) remembered.delete(remembered.keys().next().value!);
  remembered.set(userId, { generation, freshUntil: Date.now() + env.SESSION_CHECK_TTL_MS });
}

const READ_GENERATION = "SELECT session_generation FROM users WHERE id = $1::uuid";

/** The stored generation, or null when the user no longer exists. Concurrent asks share one query. */
async function storedGeneration(userId: string): Promise<number | null> {
  let pending = inFlight.get(userId);
  if (!pending) {
    pending = (async () => {
      const { sql } = await getDatabase();
      const [row] = await sql<{ session_generation: number }>({ name: "taleshard_session_generation", text: READ_GENERATION, values: [userId] });
      const generation = row?.session_generation ?? null;
      rememberGeneration(userId, generation);
      return generation;
    })().finally(() => inFlight.delete(userId));
    inFlight.set(userId, pending);
  }
  return pending;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True while the cookie's generation is the user's current one (and the user still exists). */
export async function isSessionLive({ userId, generation }: { userId: string; generation: number }): Promise<boolean> {
  if (!UUID.test(userId) || !Number.isInteger(generation)) return false; // no such user could exist
  const known = remembered.get(userId);
  const current = known && known.freshUntil > Date.now() ? known.generation : await storedGeneration(userId);
  return current === generation;
}

/** Ends every session of the user; returns the new generation (for a cookie that should survive). */
export async function endAllSessions({ userId }: { userId: string }): Promise<number> {
  const { sql } = await getDatabase();
  const [row] = await sql<{ session_generation: number }>({
    name: "taleshard_end_sessions",
    text: "UPDATE users SET session_generation = session_generation + 1 WHERE id = $1::uuid RETURNING session_generation",
    values: [userId],
  });
  const generation = row?.session_generation ?? null;
  rememberGeneration(userId, generation);
  return generation ?? 0;
}

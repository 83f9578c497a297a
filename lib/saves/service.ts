import "server-only";
import { getDatabase, getPrisma } from "@/lib/db/client";
import { isForeignKeyViolation } from "@/lib/db/errors";
import { ConflictError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { gameStateSchema } from "@/lib/game/state-schema";
import type { GameState } from "@/lib/game/types";
import { SNAPSHOTS_KEPT, type PartySummary, type SavedGame, type SnapshotSummary } from "./contract";

// This module owns the parties table, `owner_id` included: every change of a party's owner
// (claiming a pre-accounts party, a guest's parties joining an account) happens here.

type PartyRow = {
  session_id: string;
  name: string;
  heroes: unknown;
  symbol_choice: string | null;
  scene_index: number;
  choices: unknown;
  /** Postgres arrays are nullable whatever Prisma declares. */
  flags: string[] | null;
  clues: string[] | null;
  version: number;
  updated_at: Date;
};

function toSavedGame(row: PartyRow): SavedGame {
  // Stored rows were validated on the way in; parsing again guards against hand-edited data.
  const state = gameStateSchema.parse({
    scene_index: row.scene_index,
    party_name: row.name,
    heroes: row.heroes,
    symbol_choice: row.symbol_choice,
    choices: row.choices,
    // Only when there are some: states saved before the game master existed had neither field.
    ...(row.flags?.length ? { flags: row.flags } : {}),
    ...(row.clues?.length ? { clues: row.clues } : {}),
  });
  return { session_id: row.session_id, state, version: row.version, updated_at: row.updated_at.toISOString() };
}

/** Every lookup goes through the owner: another player's party is simply not there (404, no leak). */
const ownParty = (ownerId: string, sessionId: string) => ({ ownerId_sessionId: { ownerId, sessionId } });

/**
 * Parties saved before accounts existed have no owner; as then, whoever knows the session id
 * may take it over: the first user to load it becomes its owner.
 */
async function claimUnownedParty({ ownerId, sessionId }: { ownerId: string; sessionId: string }): Promise<boolean> {
  const prisma = await getPrisma();
  const claimed = await prisma.$executeRaw`
    UPDATE parties SET owner_id = ${ownerId}::uuid
    WHERE id = (SELECT id FROM parties WHERE owner_id IS NULL AND session_id = ${sessionId} LIMIT 1)
      AND NOT EXISTS (SELECT 1 FROM parties WHERE owner_id = ${ownerId}::uuid AND session_id = ${sessionId})`;
  return claimed > 0;
}

// Save and load are the hot path: plain SQL on the driver, as named (prepared) statements.
const LOAD_PARTY = `
  SELECT session_id, name, heroes, symbol_choice, scene_index, choices, flags, clues, version, updated_at
  FROM parties WHERE owner_id = $1::uuid AND session_id = $2`;

async function findOwnParty({ ownerId, sessionId }: { ownerId: string; sessionId: string }): Promise<PartyRow | undefined> {
  const { sql } = await getDatabase();
  const [row] = await sql<PartyRow>({ name: "taleshard_load_party", text: LOAD_PARTY, values: [ownerId, sessionId] });
  return row;
}

export async function loadGame({ ownerId, sessionId }: { ownerId: string; sessionId: string }): Promise<SavedGame | null> {
  let party = await findOwnParty({ ownerId, sessionId });
  if (!party && (await claimUnownedParty({ ownerId, sessionId }))) party = await findOwnParty({ ownerId, sessionId });
  return party ? toSavedGame(party) : null;
}

/**
 * Creates or updates the owner's party and records a snapshot, in one statement: concurrent
 * first saves of one session id meet in ON CONFLICT and serialize on the row, so they give
 * one party and no error. With an expected version ($9), the write happens only if the stored
 * version still matches (0 = "must not exist yet").
 */
const SAVE_PARTY = `
  WITH upserted AS (
    INSERT INTO parties AS p (owner_id, session_id, name, heroes, symbol_choice, scene_index, choices, flags, clues)
    SELECT $1::uuid, $2, $3, $4::jsonb, $5, $6::int, $7::jsonb, $10::text[], $11::text[]
    WHERE $9::int IS NULL OR $9::int = 0
       OR EXISTS (SELECT 1 FROM parties WHERE owner_id = $1::uuid AND session_id = $2)
    ON CONFLICT (owner_id, session_id) DO UPDATE SET
      name = EXCLUDED.name, heroes = EXCLUDED.heroes, symbol_choice = EXCLUDED.symbol_choice,
      scene_index = EXCLUDED.scene_index, choices = EXCLUDED.choices,
      flags = EXCLUDED.flags, clues = EXCLUDED.clues,
      version = p.version + 1, updated_at = now()
    WHERE $9::int IS NULL OR p.version = $9::int
    RETURNING p.id, p.version, p.scene_index
  ), snapshot AS (
    INSERT INTO party_snapshots (party_id, version, scene_index, state)
    SELECT id, version, scene_index, $8::jsonb FROM upserted
  ), pruned AS (
    DELETE FROM party_snapshots s USING upserted u
    WHERE s.party_id = u.id AND s.version <= u.version - ${SNAPSHOTS_KEPT}
  )
  SELECT version, scene_index FROM upserted`;

/**
 * Saves the owner's party (SAVE_PARTY). When `expectedVersion` no longer matches, nothing is
 * written and a 409 carries the current save.
 */
export async function saveGame({
  ownerId,
  sessionId,
  state,
  expectedVersion,
}: {
  ownerId: string;
  sessionId: string;
  state: GameState;
  expectedVersion?: number;
}): Promise<{ version: number; scene_index: number }> {
  const { sql } = await getDatabase();
  const values = [
    ownerId,
    sessionId,
    state.party_name,
    JSON.stringify(state.heroes),
    state.symbol_choice,
    state.scene_index,
    JSON.stringify(state.choices),
    JSON.stringify(state),
    expectedVersion ?? null,
    state.flags ?? [],
    state.clues ?? [],
  ];
  const rows = await sql<{ version: number; scene_index: number }>({ name: "taleshard_save_party", text: SAVE_PARTY, values }).catch((error: unknown) => {
    // A valid session cookie of a user deleted since: the session is over, not a server error.
    if (isForeignKeyViolation(error, "parties_owner_id_fkey")) throw new UnauthenticatedError("session");
    throw error;
  });

  const saved = rows[0];
  if (saved) return saved;
  // Read only: a refused save must not change anything, ownership included.
  const current = await findOwnParty({ ownerId, sessionId });
  throw new ConflictError("version", { details: { current: current ? toSavedGame(current) : null } });
}

/** The owner's parties, most recently played first. */
export async function listParties({ ownerId, limit = 50 }: { ownerId: string; limit?: number }): Promise<PartySummary[]> {
  const prisma = await getPrisma();
  const parties = await prisma.party.findMany({
    where: { ownerId },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { sessionId: true, name: true, sceneIndex: true, version: true, updatedAt: true },
  });
  return parties.map((party) => ({
    session_id: party.sessionId,
    party_name: party.name,
    scene_index: party.sceneIndex,
    version: party.version,
    updated_at: party.updatedAt.toISOString(),
  }));
}

export async function deleteParty({ ownerId, sessionId }: { ownerId: string; sessionId: string }): Promise<void> {
  const prisma = await getPrisma();
  const { count } = await prisma.party.deleteMany({ where: { ownerId, sessionId } });
  if (count === 0) throw new NotFoundError("party");
}

export async function listSnapshots({ ownerId, sessionId }: { ownerId: string; sessionId: string }): Promise<SnapshotSummary[] | null> {
  const prisma = await getPrisma();
  const party = await prisma.party.findUnique({
    where: ownParty(ownerId, sessionId),
    select: { snapshots: { orderBy: { version: "desc" }, take: SNAPSHOTS_KEPT } },
  });
  if (!party) return null;
  return party.snapshots.map((snapshot) => ({
    id: snapshot.id,
    version: snapshot.version,
    scene_index: snapshot.sceneIndex,
    created_at: snapshot.createdAt.toISOString(),
    state: gameStateSchema.parse(snapshot.state),
  }));
}

/** Rewinds a party to one of its snapshots; the rewind is itself a new save (and snapshot). */
export async function restoreSnapshot({ ownerId, sessionId, snapshotId }: { ownerId: string; sessionId: string; snapshotId: string }): Promise<SavedGame> {
  const prisma = await getPrisma();
  const snapshot = await prisma.partySnapshot.findFirst({ where: { id: snapshotId, party: { ownerId, sessionId } }, select: { state: true } });
  if (!snapshot) throw new NotFoundError("snapshot");
  await saveGame({ ownerId, sessionId, state: gameStateSchema.parse(snapshot.state) });
  const restored = await loadGame({ ownerId, sessionId });
  if (!restored) throw new NotFoundError("party");
  return restored;
}

/**
 * A guest who signs in to an existing account brings its parties along, except where the
 * account already has a party under the same session id (the account's copy wins).
 */
export async function adoptGuestParties({ guestUserId, userId }: { guestUserId: string; userId: string }): Promise<number> {
  if (guestUserId === userId) return 0;
  const prisma = await getPrisma();
  return prisma.$executeRaw`
    UPDATE parties AS guest_party SET owner_id = ${userId}::uuid
    FROM users AS guest
    WHERE guest.id = ${guestUserId}::uuid AND guest.is_guest
      AND guest_party.owner_id = guest.id
      AND NOT EXISTS (SELECT 1 FROM parties AS own WHERE own.owner_id = ${userId}::uuid AND own.session_id = guest_party.session_id)`;
}

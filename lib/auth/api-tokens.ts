import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { runInBackground } from "@/lib/background";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { ApiTokenSummary, NewApiToken } from "./contract";
import type { Role } from "./roles";

const TOKEN_PREFIX = "tsk_";
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
/** lastUsedAt is a hint for the owner, not an audit log: write it at most this often. */
const LAST_USED_RESOLUTION_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const SUMMARY_COLUMNS = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true } as const;

function toSummary(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }): ApiTokenSummary {
  return { id: row.id, name: row.name, prefix: row.prefix, created_at: row.createdAt.toISOString(), last_used_at: row.lastUsedAt?.toISOString() ?? null };
}

/** Creates a token; the only time its secret is returned. Only a SHA-256 is stored (the token is 192 random bits). */
export async function createApiToken({ userId, name }: { userId: string; name: string }): Promise<NewApiToken> {
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const prisma = await getPrisma();
  const row = await prisma.apiToken.create({
    data: { userId, name, tokenHash: hashToken(token), prefix: token.slice(0, DISPLAY_PREFIX_LENGTH) },
    select: SUMMARY_COLUMNS,
  });
  return { ...toSummary(row), token };
}

export async function listApiTokens({ userId }: { userId: string }): Promise<ApiTokenSummary[]> {
  const prisma = await getPrisma();
  const rows = await prisma.apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "desc" }, select: SUMMARY_COLUMNS });
  return rows.map(toSummary);
}

export async function revokeApiToken({ userId, tokenId }: { userId: string; tokenId: string }): Promise<void> {
  const prisma = await getPrisma();
  const { count } = await prisma.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new NotFoundError("token");
}

/** The owner of a live token, or null. */
export async function resolveApiToken({ token }: { token: string }): Promise<{ userId: string; role: Role; isGuest: boolean } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const prisma = await getPrisma();
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, role: true, isGuest: true } } },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Off the request's critical path; a lost update only makes the hint a minute older.
    runInBackground({ name: "token last-used", task: () => prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }) });
  }
  return { userId: row.user.id, role: row.user.role, isGuest: row.user.isGuest };
}

import "server-only";
import { getPrisma } from "@/lib/db/client";

/**
 * Everything a user can own, by table and owner column. A guest owning a row in any of these is
 * kept. tests/integration/guests.test.ts fails when a table referencing users is missing here.
 */
export const USER_OWNED_TABLES: readonly { table: string; column: string }[] = [
  { table: "parties", column: "owner_id" },
  { table: "api_tokens", column: "user_id" },
  { table: "accounts", column: "user_id" },
  { table: "chats", column: "owner_id" },
  { table: "stories", column: "owner_id" },
];

/**
 * Removes guests created more than `olderThanDays` ago that own nothing: visitors who never played.
 * Their session cookies may outlive them; such a cookie then reads as signed out and the next page
 * view makes a new guest. Returns how many were removed.
 */
export async function pruneAbandonedGuests({ olderThanDays, now = new Date() }: { olderThanDays: number; now?: Date }): Promise<number> {
  const prisma = await getPrisma();
  const cutoff = new Date(now.getTime() - olderThanDays * 24 * 60 * 60 * 1000);
  // Table and column names come from the constant above, never from input.
  const ownsNothing = USER_OWNED_TABLES.map(({ table, column }) => `NOT EXISTS (SELECT 1 FROM "${table}" owned WHERE owned."${column}" = u.id)`).join(" AND ");
  return prisma.$executeRawUnsafe(`DELETE FROM users u WHERE u.is_guest AND u.created_at < $1 AND ${ownsNothing}`, cutoff);
}

import { describe, expect, test } from "vitest";
import { pruneAbandonedGuests, USER_OWNED_TABLES } from "@/lib/auth/guests";
import { getPrisma } from "@/lib/db/client";
import { apiAs, createTestUser, sampleState, uniqueSessionId } from "./api";

const DAY = 24 * 60 * 60 * 1000;

describe("pruning abandoned guests", () => {
  test("removes old guests that own nothing; keeps young ones, ones that own something, and accounts", async () => {
    const prisma = await getPrisma();
    const [oldEmpty, oldPlayer, youngEmpty, oldAccount] = await Promise.all([
      createTestUser({ isGuest: true }),
      createTestUser({ isGuest: true }),
      createTestUser({ isGuest: true }),
      createTestUser(),
    ]);
    await apiAs(oldPlayer.headers).save({ session_id: uniqueSessionId("kept"), state: sampleState() });
    // createTestUser gives every user an API token; guests cannot make one, so take theirs away.
    await prisma.apiToken.deleteMany({ where: { userId: { in: [oldEmpty.id, oldPlayer.id, youngEmpty.id] } } });
    const longAgo = new Date(Date.now() - 40 * DAY);
    await prisma.user.updateMany({ where: { id: { in: [oldEmpty.id, oldPlayer.id, oldAccount.id] } }, data: { createdAt: longAgo } });

    expect(await pruneAbandonedGuests({ olderThanDays: 30 })).toBeGreaterThanOrEqual(1);
    const left = await prisma.user.findMany({ where: { id: { in: [oldEmpty.id, oldPlayer.id, youngEmpty.id, oldAccount.id] } }, select: { id: true } });
    expect(left.map(({ id }) => id).sort()).toEqual([oldPlayer.id, youngEmpty.id, oldAccount.id].sort());

    // A cookie that outlived its guest is a signed-out visitor, not an error.
    const gone = await apiAs(oldEmpty.headers).load(uniqueSessionId());
    expect(gone).toMatchObject({ status: 401, body: { error: { code: "unauthorized:session" } } });
  });

  test("knows every table that references users (a new owned table must be added to USER_OWNED_TABLES)", async () => {
    const prisma = await getPrisma();
    const references = await prisma.$queryRaw<{ table: string; column: string }[]>`
      SELECT source.relname AS table, attribute.attname AS column
      FROM pg_constraint constraint_
      JOIN pg_class source ON source.oid = constraint_.conrelid
      JOIN pg_class target ON target.oid = constraint_.confrelid
      JOIN pg_attribute attribute ON attribute.attrelid = constraint_.conrelid AND attribute.attnum = ANY (constraint_.conkey)
      WHERE constraint_.contype = 'f' AND target.relname = 'users'`;
    const sortKey = (entry: { table: string; column: string }) => `${entry.table}.${entry.column}`;
    expect(references.map(sortKey).sort()).toEqual(USER_OWNED_TABLES.map(sortKey).sort());
  });
});

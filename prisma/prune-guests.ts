// `npm run guests:prune [-- --days N]`: removes guests older than N days (default
// GUEST_RETENTION_DAYS, 30) that own nothing. Safe to run from cron; prints how many went.
// Uses DATABASE_URL, or the embedded database when it is unset (stop `npm run dev` first).
import { parseArgs } from "node:util";
import { pruneAbandonedGuests } from "@/lib/auth/guests";
import { getDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { days: { type: "string" } } });
  const days = values.days === undefined ? env.GUEST_RETENTION_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1) {
    console.error("usage: npm run guests:prune -- [--days <whole number ≥ 1>]");
    return 2;
  }
  const removed = await pruneAbandonedGuests({ olderThanDays: days });
  console.log(`Removed ${removed} guest account(s) older than ${days} days that owned nothing.`);
  await (await getDatabase()).close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

import { afterEach, describe, expect, test } from "vitest";
import { connectPostgres, type Database } from "@/lib/db/client";

// Postgres only (*.postgres.test.ts): the embedded database has no pool and no prepared statements.
describe("the Postgres connection", () => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  /** The statements prepared on the pool's one connection after the hot path ran one. */
  async function preparedAfterOneStatement(url: string): Promise<string[]> {
    database = connectPostgres({ url, poolMax: 1 });
    const [row] = await database.sql<{ n: number }>({ name: "taleshard_probe", text: "SELECT $1::int AS n", values: [7] });
    expect(row).toEqual({ n: 7 });
    const prepared = await database.prisma.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements`;
    return prepared.map(({ name }) => name);
  }

  test("hot-path statements are prepared once per connection", async () => {
    expect(await preparedAfterOneStatement(process.env.DATABASE_URL!)).toEqual(["taleshard_probe"]);
  });

  test("?pgbouncer=true (a transaction pooler) sends them unnamed", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("pgbouncer", "true");
    expect(await preparedAfterOneStatement(url.toString())).toEqual([]);
  });
});

import { describe, expect, test } from "vitest";
import * as catchAll from "@/app/api/[...path]/route";
import * as health from "@/app/api/health/route";
import * as live from "@/app/api/health/live/route";

describe("health and unknown routes", () => {
  test("liveness answers without touching the database", async () => {
    const response = await live.GET(new Request("http://taleshard.test/api/health/live"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  test("readiness reports the database it reached", async () => {
    const response = await health.GET(new Request("http://taleshard.test/api/health"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: "ok",
      checks: { database: { status: "ok", kind: process.env.TEST_DATABASE }, rate_limit: { backend: process.env.REDIS_URL ? "redis" : "memory", failOpenCount: expect.any(Number) } },
    });
  });

  test("an unknown API path is a JSON 404 in the standard shape", async () => {
    const response = await catchAll.GET();
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found:route", message: expect.any(String) } });
  });
});

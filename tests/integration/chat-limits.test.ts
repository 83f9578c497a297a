// The chat's rate-limit policies on the real route: per minute for everyone, and a lower daily
// cap for guests than for players. A refused message is not stored.
import { describe, expect, test } from "vitest";
import { env } from "@/lib/env";
import { enforceRateLimit } from "@/lib/rate-limit";
import { apiAs, createTestUser, sampleState, uniqueSessionId } from "./api";
import { sendJson, storedMessages } from "./chat-client";

async function partyOf(user: Awaited<ReturnType<typeof createTestUser>>) {
  const sessionId = uniqueSessionId("limits");
  await apiAs(user.headers).save({ session_id: sessionId, state: sampleState() });
  return sessionId;
}

describe("chat rate limits", () => {
  test("a guest over today's chat cap gets a 429 and nothing is stored", async () => {
    const guest = await createTestUser({ isGuest: true });
    const sessionId = await partyOf(guest);
    // Spread over many IPs so only the per-user daily counter fills up.
    for (let i = 0; i < env.RATE_LIMIT_CHAT_GUEST_PER_DAY; i++) await enforceRateLimit({ policy: "chat_daily", userId: guest.id, ip: `198.51.${i >> 8}.${i & 255}`, isGuest: true });
    const refused = await sendJson({ body: { session_id: sessionId, message: "One more?" }, headers: guest.headers });
    expect(refused).toMatchObject({ status: 429, body: { error: { code: "rate_limit:chat_daily" } } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await storedMessages({ ownerId: guest.id, sessionId })).toEqual([]);
  });

  test("more messages in a minute than allowed: a 429 until the window moves", async () => {
    const user = await createTestUser();
    const sessionId = await partyOf(user);
    for (let i = 0; i < env.RATE_LIMIT_CHAT_PER_MINUTE; i++) await enforceRateLimit({ policy: "chat", userId: user.id, ip: `203.0.${i >> 8}.${i & 255}`, isGuest: false });
    const refused = await sendJson({ body: { session_id: sessionId, message: "Again!" }, headers: user.headers });
    expect(refused).toMatchObject({ status: 429, body: { error: { code: "rate_limit:chat" } } });
    expect(await storedMessages({ ownerId: user.id, sessionId })).toEqual([]);
  });
});

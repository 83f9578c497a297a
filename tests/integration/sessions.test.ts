// Revocable sessions: sign-out, "sign out everywhere else" and a password change each end the
// cookies issued before; sliding renewal re-issues a cookie in use; a guest needs an IP's allowance.
import { afterEach, describe, expect, test, vi } from "vitest";
import * as nextauth from "@/app/api/auth/[...nextauth]/route";
import * as guest from "@/app/api/auth/guest/route";
import * as password from "@/app/api/v1/account/password/route";
import * as sessions from "@/app/api/v1/account/sessions/route";
import { hashPassword } from "@/lib/auth/passwords";
import { authenticateCredentials } from "@/lib/auth/users";
import { getPrisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { enforceRateLimit } from "@/lib/rate-limit";
import { apiAs, BASE, createTestUser, request, sampleState, sessionCookie, toJson, uniqueSessionId, type TestUser } from "./api";

const PASSWORD = "a lantern in the snow 7";

/** A second browser of the same user: its own cookie, issued separately. */
async function secondBrowser(user: TestUser, generation = 0): Promise<Record<string, string>> {
  const account = await (await getPrisma()).user.findUniqueOrThrow({ where: { id: user.id } });
  return { ...user.headers, cookie: await sessionCookie({ userId: user.id, role: account.role, isGuest: account.isGuest, generation }) };
}

async function expectSignedOut(headers: Record<string, string>) {
  const sessionId = uniqueSessionId("after-revocation");
  const save = await apiAs(headers).save({ session_id: sessionId, state: sampleState() });
  expect(save).toMatchObject({ status: 401, body: { error: { code: "unauthorized:session" } } });
  // The refused answer also drops the dead cookie, so the next page view starts a fresh session.
  expect(save.headers.getSetCookie().some((cookie) => /^authjs\.session-token=;.*Max-Age=0/.test(cookie))).toBe(true);
  expect((await apiAs(headers).load(sessionId)).status).toBe(401);
}

/** The cookie a response set, as a request header. */
const cookieFrom = (response: Response) => response.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.session-token="))?.split(";")[0];

afterEach(() => vi.useRealTimers());

describe("revocable sessions", () => {
  test("signing out ends the session: the old cookie cannot read or save any more", async () => {
    const user = await createTestUser();
    const sessionId = uniqueSessionId("before-sign-out");
    expect((await apiAs(user.headers).save({ session_id: sessionId, state: sampleState() })).status).toBe(200);
    const copied = await secondBrowser(user); // e.g. a stolen copy of the cookie

    // Auth.js's own sign-out: a CSRF token first, then the form post.
    const csrf = await nextauth.GET(request("/api/auth/csrf"));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie()[0]!.split(";")[0]!;
    const signOut = await nextauth.POST(
      request("/api/auth/signout", {
        method: "POST",
        body: new URLSearchParams({ csrfToken, callbackUrl: BASE }).toString(),
        headers: { ...user.headers, cookie: `${user.cookie}; ${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(signOut.status).toBeLessThan(400);

    await expectSignedOut(user.headers);
    await expectSignedOut(copied);
  });

  test("'sign out everywhere else' ends every other session and keeps the caller's", async () => {
    const user = await createTestUser();
    const other = await secondBrowser(user);
    const response = await sessions.DELETE(request("/api/v1/account/sessions", { method: "DELETE", headers: user.headers }));
    expect(response.status).toBe(200);
    const renewed = cookieFrom(response);
    expect(renewed).toBeDefined();

    await expectSignedOut(other);
    await expectSignedOut(user.headers); // the caller's old cookie too: only the re-issued one lives
    const stillHere = { ...user.headers, cookie: renewed! };
    expect((await apiAs(stillHere).save({ session_id: uniqueSessionId("kept"), state: sampleState() })).status).toBe(200);
  });

  test("a password change ends the other sessions; the new password works and the old one does not", async () => {
    const user = await createTestUser();
    await (await getPrisma()).user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword({ password: PASSWORD }) } });
    const other = await secondBrowser(user);
    const change = (body: unknown) =>
      password.PUT(request("/api/v1/account/password", { method: "PUT", body: JSON.stringify(body), headers: { ...user.headers, "content-type": "application/json" } }));

    const wrong = await toJson(await change({ current_password: "not the password", new_password: "another long passphrase" }));
    expect(wrong).toMatchObject({ status: 403, body: { error: { code: "forbidden:password" } } });
    const weak = await toJson(await change({ current_password: PASSWORD, new_password: "short" }));
    expect(weak).toMatchObject({ status: 422, body: { error: { code: "validation:password" } } });
    expect((await apiAs(other).load(uniqueSessionId())).status).toBe(404); // nothing ended yet

    const changed = await change({ current_password: PASSWORD, new_password: "another long passphrase" });
    expect(changed.status).toBe(200);
    await expectSignedOut(other);
    expect((await apiAs({ ...user.headers, cookie: cookieFrom(changed)! }).load(uniqueSessionId())).status).toBe(404);
    expect(await authenticateCredentials({ email: user.email!, password: "another long passphrase" })).toMatchObject({ id: user.id });
    expect(await authenticateCredentials({ email: user.email!, password: PASSWORD })).toBeNull();
  });

  test("guests cannot sign out elsewhere or change a password (they have neither)", async () => {
    const visitor = await createTestUser({ isGuest: true });
    const response = await toJson(await sessions.DELETE(request("/api/v1/account/sessions", { method: "DELETE", headers: visitor.headers })));
    expect(response).toMatchObject({ status: 403, body: { error: { code: "forbidden:guest" } } });
  });

  test("a session in use for over a day gets a fresh cookie (sliding expiry); a newer one does not", async () => {
    const user = await createTestUser();
    const fresh = await apiAs(user.headers).load(uniqueSessionId());
    expect(fresh.headers.getSetCookie()).toEqual([]);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 2 * 24 * 60 * 60 * 1000);
    const later = await apiAs(user.headers).load(uniqueSessionId());
    const renewed = later.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.session-token="));
    expect(renewed).toMatch(new RegExp(`Max-Age=${env.SESSION_MAX_AGE_DAYS * 24 * 60 * 60}; HttpOnly; SameSite=Lax`));
    expect((await apiAs({ ...user.headers, cookie: renewed!.split(";")[0]! }).load(uniqueSessionId())).status).toBe(404);
  });
});

describe("guest accounts", () => {
  test("an IP that made its hour's guests gets a 429 in the standard shape, and no new user", async () => {
    const ip = `198.18.${process.pid & 255}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < env.RATE_LIMIT_GUEST_PER_HOUR; i++) await enforceRateLimit({ policy: "guest", ip });
    const users = await (await getPrisma()).user.count();
    const response = await toJson(await guest.GET(request("/api/auth/guest", { headers: { "x-forwarded-for": ip } })));
    expect(response).toMatchObject({ status: 429, body: { error: { code: "rate_limit:guest", details: { retry_after_seconds: expect.any(Number) } } } });
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await (await getPrisma()).user.count()).toBeLessThanOrEqual(users); // (other suites may delete, never this one add)
  });
});

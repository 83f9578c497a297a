import { describe, expect, test } from "vitest";
import * as account from "@/app/api/v1/account/route";
import * as signup from "@/app/api/v1/account/signup/route";
import * as tokenById from "@/app/api/v1/account/tokens/[tokenId]/route";
import * as tokens from "@/app/api/v1/account/tokens/route";
import * as adminRole from "@/app/api/v1/admin/users/role/route";
import { authenticateCredentials } from "@/lib/auth/users";
import { adoptGuestParties } from "@/lib/saves/service";
import { getPrisma } from "@/lib/db/client";
import { apiAs, createTestUser, request, sampleState, sessionCookie, toJson, uniqueSessionId, type TestUser } from "./api";

const PASSWORD = "lantern-lit passage 42";
const json = (body: unknown) => JSON.stringify(body);
const freshEmail = () => `${uniqueSessionId("signup")}@example.test`.toLowerCase();
let ipCounter = 0;
/** Sign-ups are limited per IP: give each attempt its own. */
const freshIp = () => `2001:db8:1::${process.pid.toString(16)}:${(++ipCounter).toString(16)}`;

async function signUp(body: unknown, headers: Record<string, string> = {}) {
  return toJson(await signup.POST(request("/api/v1/account/signup", { method: "POST", body: json(body), headers: { "content-type": "application/json", "x-forwarded-for": freshIp(), ...headers } }), undefined));
}

describe("sign-up", () => {
  test("a guest who signs up keeps its id and every party", async () => {
    const guest = await createTestUser({ isGuest: true });
    const sessionId = uniqueSessionId("guest-game");
    await apiAs(guest.headers).save({ session_id: sessionId, state: sampleState({ party_name: "Guest Party" }) });

    const email = freshEmail();
    const response = await signUp({ email: email.toUpperCase(), password: PASSWORD, name: "Ada" }, guest.headers);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ user: { id: guest.id, email, name: "Ada", role: "player", is_guest: false } });

    // The next sign-in issues an account cookie for the same user id: the party is still there.
    const accountCookie = await sessionCookie({ userId: guest.id, role: "player", isGuest: false });
    expect((await apiAs({ cookie: accountCookie }).load(sessionId)).body).toMatchObject({ state: { party_name: "Guest Party" } });
    expect(await authenticateCredentials({ email, password: PASSWORD })).toMatchObject({ id: guest.id, isGuest: false });
  });

  test("without a session, sign-up creates a new account", async () => {
    const response = await signUp({ email: freshEmail(), password: PASSWORD });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ user: { role: "player", is_guest: false } });
  });

  test("an email that is taken gets the same vague answer as any refusal", async () => {
    const email = freshEmail();
    expect((await signUp({ email, password: PASSWORD })).status).toBe(201);
    const again = await signUp({ email, password: "another long passphrase" });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: { code: "conflict:account", message: expect.stringMatching(/couldn.t create an account/), request_id: expect.any(String) } });
  });

  test.each([
    ["a malformed email", { email: "not-an-email", password: PASSWORD }, "email"],
    ["a short password", { email: "a@example.test", password: "short1" }, "password"],
    ["a common password", { email: "a@example.test", password: "password123" }, "password"],
    ["a repetitive password", { email: "a@example.test", password: "abababababab" }, "password"],
    ["an over-long password", { email: "a@example.test", password: "x1".repeat(65) }, "password"],
    ["an unknown field", { email: "a@example.test", password: PASSWORD, role: "admin" }, "(body)"],
  ])("%s is a 422 naming the field", async (_name, body, field) => {
    const response = await signUp(body);
    expect(response.status).toBe(422);
    const issues = (response.body.error as { details: { issues: { path: string }[] } }).details.issues;
    expect(issues.map((issue) => issue.path)).toContain(field);
  });

  test("a guest's sign-up from another site is refused (CSRF)", async () => {
    const guest = await createTestUser({ isGuest: true });
    const response = await signUp({ email: freshEmail(), password: PASSWORD }, { ...guest.headers, origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: "forbidden:origin" } });
  });
});

describe("sign-in", () => {
  test("right password signs in; wrong password and unknown email both fail the same way", async () => {
    const email = freshEmail();
    await signUp({ email, password: PASSWORD });
    expect(await authenticateCredentials({ email, password: PASSWORD })).toMatchObject({ email });
    expect(await authenticateCredentials({ email, password: "wrong passphrase here" })).toBeNull();
    expect(await authenticateCredentials({ email: freshEmail(), password: PASSWORD })).toBeNull();
  });

  test("a guest signing in brings its parties, except where the account has the same session id", async () => {
    const player = await createTestUser();
    const guest = await createTestUser({ isGuest: true });
    const [onlyGuest, both] = [uniqueSessionId("only-guest"), uniqueSessionId("both")];
    await apiAs(guest.headers).save({ session_id: onlyGuest, state: sampleState({ party_name: "From the guest" }) });
    await apiAs(guest.headers).save({ session_id: both, state: sampleState({ party_name: "Guest copy" }) });
    await apiAs(player.headers).save({ session_id: both, state: sampleState({ party_name: "Account copy" }) });

    expect(await adoptGuestParties({ guestUserId: guest.id, userId: player.id })).toBe(1);
    expect((await apiAs(player.headers).load(onlyGuest)).body).toMatchObject({ state: { party_name: "From the guest" } });
    expect((await apiAs(player.headers).load(both)).body).toMatchObject({ state: { party_name: "Account copy" } });
  });
});

describe("sessions and CSRF", () => {
  test("no session is a 401; a forged cookie is a 401", async () => {
    const anonymous = await apiAs({}).load(uniqueSessionId());
    expect(anonymous).toMatchObject({ status: 401, body: { error: { code: "unauthorized:session" } } });
    const forged = await apiAs({ cookie: "authjs.session-token=eyJhbGciOiJkaXIifQ..forged.forged.forged" }).load(uniqueSessionId());
    expect(forged.status).toBe(401);
  });

  test("a cookie-authenticated save needs our Origin (or same-origin fetch metadata)", async () => {
    const user = await createTestUser();
    const body = { session_id: uniqueSessionId("csrf"), state: sampleState() };
    const withoutOrigin = Object.fromEntries(Object.entries(user.headers).filter(([name]) => name !== "origin"));
    expect((await apiAs(withoutOrigin).save(body)).body).toMatchObject({ error: { code: "forbidden:origin" } });
    expect((await apiAs({ ...user.headers, origin: "https://evil.example" }).save(body)).status).toBe(403);
    expect((await apiAs({ ...withoutOrigin, "sec-fetch-site": "same-origin" }).save(body)).status).toBe(200);
    expect((await apiAs(user.headers).load(body.session_id)).status).toBe(200);
  });

  test("a session of a deleted user is a 401 on save, not a server error", async () => {
    const user = await createTestUser();
    await (await getPrisma()).user.delete({ where: { id: user.id } });
    const response = await apiAs(user.headers).save({ session_id: uniqueSessionId("gone"), state: sampleState() });
    expect(response).toMatchObject({ status: 401, body: { error: { code: "unauthorized:session" } } });
  });
});

describe("API tokens", () => {
  const listTokens = async (user: TestUser) => (await toJson(await tokens.GET(request("/api/v1/account/tokens", { headers: user.headers }), undefined))).body;

  test("create shows the token once; the list shows only its prefix; bearer calls need no Origin", async () => {
    const user = await createTestUser();
    const created = await toJson(await tokens.POST(request("/api/v1/account/tokens", { method: "POST", body: json({ name: "backup script" }), headers: { ...user.headers, "content-type": "application/json" } }), undefined));
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^tsk_[A-Za-z0-9_-]{32}$/);
    expect(JSON.stringify(await listTokens(user))).not.toContain(token);
    expect((await listTokens(user)).tokens).toEqual(expect.arrayContaining([expect.objectContaining({ name: "backup script", prefix: token.slice(0, 10) })]));

    const sessionId = uniqueSessionId("scripted");
    const scripted = apiAs({ authorization: `Bearer ${token}` });
    expect((await scripted.save({ session_id: sessionId, state: sampleState() })).status).toBe(200);
    expect((await apiAs(user.headers).load(sessionId)).status).toBe(200);

    const revoked = await toJson(await tokenById.DELETE(request(`/api/v1/account/tokens/${created.body.id}`, { method: "DELETE", headers: user.headers }), { params: Promise.resolve({ tokenId: created.body.id as string }) }));
    expect(revoked).toMatchObject({ status: 200, body: { status: "revoked" } });
    expect((await scripted.load(sessionId)).body).toMatchObject({ error: { code: "unauthorized:token" } });
  });

  test("a malformed or unknown bearer token is a 401, never a fallback to the cookie", async () => {
    const user = await createTestUser();
    expect((await apiAs({ ...user.headers, authorization: "Bearer tsk_unknown" }).load(uniqueSessionId())).status).toBe(401);
    expect((await apiAs({ authorization: "Basic abc" }).load(uniqueSessionId())).status).toBe(401);
  });

  test("guests cannot create tokens", async () => {
    const guest = await createTestUser({ isGuest: true });
    const response = await toJson(await tokens.POST(request("/api/v1/account/tokens", { method: "POST", body: json({ name: "x" }), headers: { ...guest.headers, "content-type": "application/json" } }), undefined));
    expect(response).toMatchObject({ status: 403, body: { error: { code: "forbidden:guest" } } });
  });
});

describe("roles", () => {
  const setRole = async (as: Record<string, string>, body: unknown) =>
    toJson(await adminRole.PUT(request("/api/v1/admin/users/role", { method: "PUT", body: json(body), headers: { ...as, "content-type": "application/json" } }), undefined));

  test("an admin sets roles; the stored role counts, not the cookie's copy", async () => {
    const admin = await createTestUser({ role: "admin" });
    const player = await createTestUser();
    expect(await setRole(admin.headers, { email: player.email, role: "designer" })).toMatchObject({ status: 200, body: { email: player.email, role: "designer" } });
    expect((await toJson(await account.GET(request("/api/v1/account", { headers: player.headers }), undefined))).body).toMatchObject({ role: "designer" });

    // Demoted after its cookie was issued: the admin route checks the database.
    await setRole(admin.headers, { email: admin.email, role: "player" });
    expect((await setRole(admin.headers, { email: player.email, role: "admin" })).status).toBe(403);
  });

  test("players get 403; unknown emails 404; bad roles 422", async () => {
    const admin = await createTestUser({ role: "admin" });
    const player = await createTestUser();
    expect((await setRole(player.headers, { email: player.email, role: "admin" })).body).toMatchObject({ error: { code: "forbidden:role" } });
    expect((await setRole(admin.headers, { email: freshEmail(), role: "designer" })).status).toBe(404);
    expect((await setRole(admin.headers, { email: player.email, role: "wizard" })).status).toBe(422);
  });
});

describe("rate limits", () => {
  test("the 121st save in a minute is a 429 with Retry-After and RateLimit headers, and changes nothing", async () => {
    const user = await createTestUser();
    const asUser = apiAs(user.headers);
    const sessionId = uniqueSessionId("limited");
    for (let index = 0; index < 120; index += 1) {
      const response = await asUser.save({ session_id: sessionId, state: sampleState({ scene_index: (index % 11) + 1 }) });
      expect(response.status).toBe(200);
    }
    const limited = await asUser.save({ session_id: sessionId, state: sampleState({ party_name: "Too many" }) });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: "rate_limit:save", details: { retry_after_seconds: expect.any(Number) } } });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("ratelimit-limit")).toBe("120");
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);
    expect((await asUser.load(sessionId)).body).toMatchObject({ version: 120 });
  });

  test("sign-up attempts are limited per IP", async () => {
    const ip = `2001:db8::${process.pid.toString(16)}:${Date.now().toString(16).slice(-4)}`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) statuses.push((await signUp({ email: "x", password: "y" }, { "x-forwarded-for": ip })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(422));
    expect(statuses[10]).toBe(429);
  });
});

describe("npm run user:role", () => {
  test("sets a role by email, and says so when there is no such account", { timeout: 60_000 }, async () => {
    if (process.env.TEST_DATABASE !== "postgres") {
      // On PGlite the CLI would need this process's in-memory database: exercise the function it calls.
      const { setUserRole } = await import("@/lib/auth/users");
      const player = await createTestUser();
      expect(await setUserRole({ email: player.email!.toUpperCase(), role: "designer" })).toMatchObject({ role: "designer" });
      expect(await setUserRole({ email: freshEmail(), role: "designer" })).toBeNull();
      return;
    }
    const { execFile } = await import("node:child_process");
    const run = (args: string[]) =>
      new Promise<{ code: number; output: string }>((resolve) =>
        execFile("npm", ["run", "--silent", "user:role", "--", ...args], { env: process.env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr })),
      );
    const player = await createTestUser();
    expect(await run([player.email!, "designer"])).toMatchObject({ code: 0, output: expect.stringContaining("is now designer") });
    expect((await toJson(await account.GET(request("/api/v1/account", { headers: player.headers }), undefined))).body).toMatchObject({ role: "designer" });
    expect(await run([freshEmail(), "designer"])).toMatchObject({ code: 1, output: expect.stringContaining("No account") });
    expect(await run([player.email!, "wizard"])).toMatchObject({ code: 2 });
  });
});

import { encode } from "next-auth/jwt";
import { describe, expect, test } from "vitest";
import { authSecret } from "./secret";
import { readSessionClaims } from "./session-token";

const SALT = "authjs.session-token";
const cookieFor = async (token: Record<string, unknown>, maxAge?: number) =>
  new Headers({ cookie: `theme=dark; ${SALT}=${await encode({ token, secret: authSecret(), salt: SALT, maxAge })}` });

describe("readSessionClaims", () => {
  test("verifies an Auth.js cookie, and the same cookie again from memory", async () => {
    const headers = await cookieFor({ sub: "user-1", role: "designer", isGuest: false, gen: 3 });
    const expected = { userId: "user-1", role: "designer", isGuest: false, generation: 3, issuedAt: expect.any(Number) };
    expect(await readSessionClaims({ headers })).toEqual(expected);
    expect(await readSessionClaims({ headers })).toEqual(expected);
  });

  test("no cookie, a tampered cookie, a cookie without a role, or an expired one is no session", async () => {
    expect(await readSessionClaims({ headers: new Headers() })).toBeNull();
    const valid = (await cookieFor({ sub: "user-2", role: "player" })).get("cookie")!;
    // Change one character of the authentication tag (the JWE's last segment) to a different one.
    const position = valid.length - 11;
    const tampered = `${valid.slice(0, position)}${valid[position] === "A" ? "B" : "A"}${valid.slice(position + 1)}`;
    expect(await readSessionClaims({ headers: new Headers({ cookie: tampered }) })).toBeNull();
    expect(await readSessionClaims({ headers: await cookieFor({ sub: "user-3" }) })).toBeNull();
    expect(await readSessionClaims({ headers: await cookieFor({ sub: "user-4", role: "player" }, -60) })).toBeNull();
  });
});

import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getToken, type JWTDecodeParams } from "next-auth/jwt";
import type { Role } from "./roles";
import { authSecret } from "./secret";

/** What the session cookie carries, beyond Auth.js's own fields. */
export type SessionClaims = { userId: string; role: Role; isGuest: boolean };

const SECURE_COOKIE = "__Secure-authjs.session-token";

// Auth.js derives the cookie's encryption key (HKDF) and a key thumbprint on every decode,
// which is most of the cost of verifying a session. The key depends only on the secret and
// the cookie name, so derive it once per cookie name; the decryption itself is unchanged.
const derivedKeys = new Map<string, Uint8Array>();

function encryptionKey(secret: string, salt: string): Uint8Array {
  let key = derivedKeys.get(salt);
  if (!key) {
    // Auth.js's own derivation for its default encryption (A256CBC-HS512: a 64-byte key).
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    derivedKeys.set(salt, key);
  }
  return key;
}

async function decodeWithCachedKey({ token, secret, salt }: JWTDecodeParams) {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(String(secret), salt), {
    clockTolerance: 15,
    keyManagementAlgorithms: ["dir"],
    contentEncryptionAlgorithms: ["A256CBC-HS512"],
  });
  return payload;
}

// A player's browser sends the same cookie on every API call until it is re-issued, and
// decrypting it is the bulk of an authenticated request's extra cost. Remember what a cookie
// header verified to, until the token expires: the header is the whole key, so nothing
// unverified is ever trusted. Bounded, oldest first out.
const VERIFIED_LIMIT = 10_000;
const verified = new Map<string, { claims: SessionClaims | null; expiresAt: number }>();

function remember(cookie: string, claims: SessionClaims | null, expiresAt: number): void {
  if (verified.size >= VERIFIED_LIMIT) verified.delete(verified.keys().next().value!);
  verified.set(cookie, { claims, expiresAt });
}

/**
 * Reads and verifies the Auth.js session cookie of a request, without a database round trip.
 * Works on any Request (route handlers, the proxy, tests).
 */
export async function readSessionClaims({ headers }: { headers: Headers }): Promise<SessionClaims | null> {
  const cookie = headers.get("cookie");
  if (!cookie?.includes("authjs.session-token")) return null;
  const known = verified.get(cookie);
  if (known && known.expiresAt > Date.now()) return known.claims;

  const token = await getToken({
    req: { headers },
    secret: authSecret(),
    secureCookie: cookie.includes(SECURE_COOKIE),
    decode: decodeWithCachedKey,
  }).catch(() => null); // tampered or foreign cookies are no session
  const claims = token?.sub && typeof token.role === "string" ? { userId: token.sub, role: token.role as Role, isGuest: token.isGuest === true } : null;
  // Invalid cookies are remembered briefly too, so a bad one cannot make every request decrypt.
  remember(cookie, claims, claims && typeof token?.exp === "number" ? token.exp * 1000 : Date.now() + 60_000);
  return claims;
}

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

/**
 * Reads and verifies the Auth.js session cookie of a request, without a database round trip.
 * Works on any Request (route handlers, the proxy, tests).
 */
export async function readSessionClaims({ headers }: { headers: Headers }): Promise<SessionClaims | null> {
  const cookie = headers.get("cookie");
  if (!cookie?.includes("authjs.session-token")) return null;
  const token = await getToken({
    req: { headers },
    secret: authSecret(),
    secureCookie: cookie.includes(SECURE_COOKIE),
    decode: decodeWithCachedKey,
  });
  if (!token?.sub || typeof token.role !== "string") return null;
  return { userId: token.sub, role: token.role as Role, isGuest: token.isGuest === true };
}

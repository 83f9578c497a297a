import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { encode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { env } from "@/lib/env";
import type { Role } from "./roles";
import { authSecret } from "./secret";

/** What the session cookie carries, beyond Auth.js's own fields. */
export type SessionClaims = {
  userId: string;
  role: Role;
  isGuest: boolean;
  /** The user's session generation when the cookie was issued; a bump since then ends the session. */
  generation: number;
  /** Unix seconds. */
  issuedAt: number;
};

export const SESSION_COOKIE = "authjs.session-token";
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

export const sessionMaxAgeSeconds = () => env.SESSION_MAX_AGE_DAYS * 24 * 60 * 60;
/** A session seen again after this long gets a fresh cookie (sliding expiry). */
export const SESSION_RENEW_AFTER_SECONDS = 24 * 60 * 60;

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

const isSecureCookieHeader = (cookie: string) => cookie.includes(SECURE_SESSION_COOKIE);

async function decodeSessionCookie(headers: Headers, cookie: string): Promise<JWT | null> {
  return getToken({ req: { headers }, secret: authSecret(), secureCookie: isSecureCookieHeader(cookie), decode: decodeWithCachedKey }).catch(() => null); // tampered or foreign cookies are no session
}

function claimsOf(token: JWT | null): SessionClaims | null {
  if (!token?.sub || typeof token.role !== "string") return null;
  return {
    userId: token.sub,
    role: token.role as Role,
    isGuest: token.isGuest === true,
    // Cookies issued before generations existed carry none: generation 0, until the first bump.
    generation: typeof token.gen === "number" ? token.gen : 0,
    issuedAt: typeof token.iat === "number" ? token.iat : 0,
  };
}

/**
 * Reads and verifies the Auth.js session cookie of a request, without a database round trip.
 * Works on any Request (route handlers, the proxy, tests). Whether the session was revoked since
 * is a separate check (session-generation.ts).
 */
export async function readSessionClaims({ headers }: { headers: Headers }): Promise<SessionClaims | null> {
  const cookie = headers.get("cookie");
  if (!cookie?.includes(SESSION_COOKIE)) return null;
  const known = verified.get(cookie);
  if (known && known.expiresAt > Date.now()) return known.claims;

  const token = await decodeSessionCookie(headers, cookie);
  const claims = claimsOf(token);
  // Invalid cookies are remembered briefly too, so a bad one cannot make every request decrypt.
  remember(cookie, claims, claims && typeof token?.exp === "number" ? token.exp * 1000 : Date.now() + 60_000);
  return claims;
}

type CookieOptions = { secure: boolean };

function serializeCookie({ name, value, maxAge, secure }: { name: string; value: string; maxAge: number; secure: boolean }): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** Set-Cookie for a session cookie carrying `token` (Auth.js's format: it reads it as its own). */
export async function sessionCookieFor({ token, secure }: { token: JWT } & CookieOptions): Promise<string> {
  const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const maxAge = sessionMaxAgeSeconds();
  const value = await encode({ token, secret: authSecret(), salt: name, maxAge });
  return serializeCookie({ name, value, maxAge, secure });
}

/**
 * A renewed cookie when the request's session is older than a day (sliding expiry), else null.
 * `generation` replaces the cookie's own, e.g. after a bump that this session survives.
 */
export async function renewedSessionCookie({ headers, secure, generation, force = false }: { headers: Headers; generation?: number; force?: boolean } & CookieOptions): Promise<string | null> {
  const cookie = headers.get("cookie");
  if (!cookie?.includes(SESSION_COOKIE)) return null;
  const token = await decodeSessionCookie(headers, cookie);
  const claims = claimsOf(token);
  if (!token || !claims) return null;
  if (!force && Date.now() / 1000 - claims.issuedAt < SESSION_RENEW_AFTER_SECONDS) return null;
  // encode() stamps a fresh iat, exp and jti.
  const renewed: JWT = { ...token, iat: undefined, exp: undefined, jti: undefined, ...(generation === undefined ? {} : { gen: generation }) };
  return sessionCookieFor({ token: renewed, secure });
}

/** Set-Cookie headers that remove both session cookie variants (a revoked or unknown session). */
export function clearedSessionCookies(): string[] {
  return [SESSION_COOKIE, SECURE_SESSION_COOKIE].map((name) => serializeCookie({ name, value: "", maxAge: 0, secure: name === SECURE_SESSION_COOKIE }));
}

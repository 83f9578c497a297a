import "server-only";
import { getToken } from "next-auth/jwt";
import type { Role } from "./roles";
import { authSecret } from "./secret";

/** What the session cookie carries, beyond Auth.js's own fields. */
export type SessionClaims = { userId: string; role: Role; isGuest: boolean };

const SECURE_COOKIE = "__Secure-authjs.session-token";

/**
 * Reads and verifies the Auth.js session cookie of a request, without a database round trip.
 * Works on any Request (route handlers, the proxy, tests).
 */
export async function readSessionClaims({ headers }: { headers: Headers }): Promise<SessionClaims | null> {
  const cookie = headers.get("cookie");
  if (!cookie?.includes("authjs.session-token")) return null;
  const token = await getToken({ req: { headers }, secret: authSecret(), secureCookie: cookie.includes(SECURE_COOKIE) });
  if (!token?.sub || typeof token.role !== "string") return null;
  return { userId: token.sub, role: token.role as Role, isGuest: token.isGuest === true };
}

import "server-only";
import { env } from "@/lib/env";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { resolveApiToken } from "./api-tokens";
import { hasRole, type Role } from "./roles";
import { isSessionLive } from "./session-generation";
import { readSessionClaims } from "./session-token";
import { findAccountUser } from "./users";

export type RequestUser = {
  id: string;
  role: Role;
  isGuest: boolean;
  via: "session" | "token";
  /** Unix seconds when the session cookie was issued (sessions only), for sliding renewal. */
  sessionIssuedAt?: number;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The site's own origin, exactly as a browser sends it in `Origin` (scheme://host[:port]): the
 * configured public URL, or else the request's Host over plain HTTP (what `next start` serves).
 * Forwarded host and scheme count only when TRUST_PROXY says a proxy in front overwrites them;
 * request.url is no guide: Next builds it from the bind address and the client's X-Forwarded-Proto.
 */
function ownOrigin(request: Request): string {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  const forwarded = (name: string) => (env.TRUST_PROXY ? request.headers.get(name)?.split(",")[0]?.trim() : undefined);
  // No Host header only happens in-process (tests); Next always has one.
  const host = forwarded("x-forwarded-host") || request.headers.get("host") || new URL(request.url).host;
  const scheme = forwarded("x-forwarded-proto") === "https" ? "https" : "http";
  return `${scheme}://${host}`.toLowerCase();
}

/**
 * Cookie-authenticated writes must come from our own pages (CSRF): the browser's Origin (or,
 * without one, Sec-Fetch-Site) has to name this site, compared as a whole string: scheme, host and
 * port, no parsing (so `null`, userinfo or junk can only fail). Bearer-token calls carry no ambient
 * credentials and need no such check.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) {
    if (request.headers.get("sec-fetch-site") === "same-origin") return;
    throw new ForbiddenError("origin");
  }
  if (origin.toLowerCase() !== ownOrigin(request)) throw new ForbiddenError("origin");
}

/** Who is calling: a bearer API token, or a live session cookie; null when neither is presented or valid. */
export async function findRequestUser(request: Request): Promise<RequestUser | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    const owner = scheme?.toLowerCase() === "bearer" && token ? await resolveApiToken({ token }) : null;
    if (!owner) throw new UnauthenticatedError("token"); // a bad token is an error, never a fallback to the cookie
    return { id: owner.userId, role: owner.role, isGuest: owner.isGuest, via: "token" };
  }
  const claims = await readSessionClaims({ headers: request.headers });
  if (!claims || !(await isSessionLive({ userId: claims.userId, generation: claims.generation }))) return null;
  if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
  return { id: claims.userId, role: claims.role, isGuest: claims.isGuest, via: "session", sessionIssuedAt: claims.issuedAt };
}

export type AuthRequirement = "user" | "account" | Role;

/**
 * The caller, who must meet `requirement`: any user (guests too), an account (not a guest), or a
 * role at least as high as the one named. Throws 401 without a valid caller, 403 when not enough.
 */
export async function requireUser(request: Request, requirement: AuthRequirement = "user"): Promise<RequestUser> {
  const user = await findRequestUser(request);
  if (!user) throw new UnauthenticatedError("session");
  if (requirement === "user") return user;
  if (requirement === "account") {
    if (user.isGuest) throw new ForbiddenError("guest");
    return user;
  }
  // Roles change out of band (`npm run user:role`): check the stored one, not the cookie's copy.
  const stored = await findAccountUser({ userId: user.id });
  if (!stored || !hasRole({ role: stored.role, atLeast: requirement })) throw new ForbiddenError("role");
  return { ...user, role: stored.role };
}

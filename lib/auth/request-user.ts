import "server-only";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { resolveApiToken } from "./api-tokens";
import { hasRole, type Role } from "./roles";
import { readSessionClaims } from "./session-token";
import { findAccountUser } from "./users";

export type RequestUser = { id: string; role: Role; isGuest: boolean; via: "session" | "token" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated writes must come from our own pages (CSRF): the browser's Origin (or,
 * without one, Sec-Fetch-Site) has to name this site. Bearer-token calls carry no ambient
 * credentials and need no such check.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) {
    if (request.headers.get("sec-fetch-site") === "same-origin") return;
    throw new ApiError("forbidden:origin");
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const allowed = [new URL(request.url).origin, env.AUTH_URL && new URL(env.AUTH_URL).origin];
  if (allowed.includes(origin) || (host && new URL(origin).host === host)) return;
  throw new ApiError("forbidden:origin");
}

/** Who is calling: a bearer API token, or the session cookie. Throws 401 when neither is valid. */
export async function requireUser(request: Request, { role }: { role?: Role } = {}): Promise<RequestUser> {
  const user = await authenticate(request);
  if (role) {
    // Roles change out of band (`npm run user:role`): check the stored one, not the cookie's copy.
    const stored = await findAccountUser({ userId: user.id });
    if (!stored || !hasRole({ role: stored.role, atLeast: role })) throw new ApiError("forbidden:role");
    return { ...user, role: stored.role };
  }
  return user;
}

async function authenticate(request: Request): Promise<RequestUser> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    const owner = scheme?.toLowerCase() === "bearer" && token ? await resolveApiToken({ token }) : null;
    if (!owner) throw new ApiError("unauthorized:token");
    return { id: owner.userId, role: owner.role, isGuest: owner.isGuest, via: "token" };
  }
  const claims = await readSessionClaims({ headers: request.headers });
  if (!claims) throw new ApiError("unauthorized:session");
  if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
  return { id: claims.userId, role: claims.role, isGuest: claims.isGuest, via: "session" };
}

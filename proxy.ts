import { NextResponse, type NextRequest } from "next/server";
import { isSessionLive } from "@/lib/auth/session-generation";
import { clearedSessionCookies, readSessionClaims, renewedSessionCookie, SESSION_RENEW_AFTER_SECONDS } from "@/lib/auth/session-token";
import { logger } from "@/lib/log";
import { contentSecurityPolicy } from "@/lib/security-headers";

/** A live session, or null: no cookie, a bad one, or one ended since (sign-out, password change). */
async function liveSession(request: NextRequest) {
  const claims = await readSessionClaims({ headers: request.headers });
  if (!claims) return null;
  // If the database is down the page still renders (its API calls will say so): fail open here.
  const live = await isSessionLive({ userId: claims.userId, generation: claims.generation }).catch((error: unknown) => {
    logger.warn({ err: error }, "proxy: session check skipped");
    return true;
  });
  return live ? claims : null;
}

// Pages only (see matcher): API routes authenticate themselves and stay off this path.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const session = await liveSession(request);
  if (!session) {
    const guest = new URL("/api/auth/guest", request.url);
    guest.searchParams.set("callbackUrl", `${pathname}${search}`);
    const response = NextResponse.redirect(guest);
    if (request.headers.get("cookie")?.includes("authjs.session-token")) for (const cookie of clearedSessionCookies()) response.headers.append("Set-Cookie", cookie);
    return response;
  }

  // A fresh nonce per page: Next.js puts it on its own scripts when it sees it in the request's CSP.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  // Sliding expiry: a session seen after a day gets a fresh cookie.
  if (Date.now() / 1000 - session.issuedAt > SESSION_RENEW_AFTER_SECONDS) {
    const renewed = await renewedSessionCookie({ headers: request.headers, secure: request.headers.get("cookie")?.includes("__Secure-") ?? false });
    if (renewed) response.headers.append("Set-Cookie", renewed);
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Not /_taleshard/ (where the raw request guard sends broken URLs): a 404 needs no guest account.
      // Literal: Next reads this config statically.
      source: "/((?!api/|_next/static|_next/image|favicon.svg|robots.txt|_taleshard/).*)",
      // Prefetches need no guest account of their own.
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};

import { NextResponse, type NextRequest } from "next/server";
import { readSessionClaims } from "@/lib/auth/session-token";
import { contentSecurityPolicy } from "@/lib/security-headers";

// Pages only (see matcher): API routes authenticate themselves and stay off this path.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!(await readSessionClaims({ headers: request.headers }))) {
    const guest = new URL("/api/auth/guest", request.url);
    guest.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(guest);
  }

  // A fresh nonce per page: Next.js puts it on its own scripts when it sees it in the request's CSP.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.svg|robots.txt).*)",
      // Prefetches need no guest account of their own.
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};

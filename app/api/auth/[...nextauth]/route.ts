import type { NextRequest } from "next/server";
import { toApiError } from "@/lib/api/errors";
import { routeMethods, type RouteHandler } from "@/lib/api/route";
import { handlers } from "@/lib/auth/config";
import { LimitedError } from "@/lib/errors";
import { clientIp, enforceRateLimit } from "@/lib/rate-limit";

/** Auth.js answers for itself; anything it lets escape still gets the standard error shape. */
const guarded =
  (handler: (request: NextRequest) => Promise<Response>): RouteHandler =>
  async (request) => {
    try {
      return await handler(request as NextRequest);
    } catch (error) {
      return toApiError(error).toResponse();
    }
  };

/**
 * Password sign-ins count against the per-IP auth limit. A blocked attempt answers 429 in the
 * standard error shape plus the `url` next-auth's client reads, whose `code` carries the
 * seconds to wait (the sign-in form shows a countdown from it).
 */
async function signInOrLimit(request: NextRequest): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname.endsWith("/callback/credentials")) {
    try {
      await enforceRateLimit({ policy: "auth", ip: clientIp({ request }) });
    } catch (error) {
      if (!(error instanceof LimitedError)) throw error;
      const refusal = toApiError(error);
      const signInPage = new URL(`/signin?error=RateLimited&code=${error.retryAfterSeconds}`, url.origin).toString();
      return Response.json({ url: signInPage, ...refusal.toBody() }, { status: refusal.status, headers: refusal.headers });
    }
  }
  return handlers.POST(request);
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: guarded(handlers.GET), POST: guarded(signInOrLimit) });

import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { handlers } from "@/lib/auth/config";
import { clientIp, enforceRateLimit } from "@/lib/rate-limit";

export const { GET } = handlers;

/**
 * Password sign-ins count against the per-IP auth limit. A blocked attempt answers 429 in the
 * standard error shape plus the `url` next-auth's client reads, whose `code` carries the
 * seconds to wait (the sign-in form shows a countdown from it).
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    try {
      await enforceRateLimit({ policy: "auth", ip: clientIp({ request }) });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const retryAfter = error.headers?.["Retry-After"] ?? "60";
      const url = new URL(`/signin?error=RateLimited&code=${retryAfter}`, request.nextUrl.origin).toString();
      return Response.json({ url, error: { code: error.code, message: error.message, details: error.details } }, { status: error.status, headers: error.headers });
    }
  }
  return handlers.POST(request);
}

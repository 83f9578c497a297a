import "server-only";
import type { RequestUser } from "./request-user";
import { endAllSessions } from "./session-generation";
import { renewedSessionCookie } from "./session-token";

/**
 * Ends every session of the user, then re-issues the calling browser's cookie with the new
 * generation so this one session survives (a token caller keeps its token; tokens are revoked apart).
 */
export async function keepThisSession({ request, user, responseHeaders }: { request: Request; user: RequestUser; responseHeaders: Headers }): Promise<void> {
  const generation = await endAllSessions({ userId: user.id });
  if (user.via !== "session") return;
  const secure = request.headers.get("cookie")?.includes("__Secure-") ?? false;
  const cookie = await renewedSessionCookie({ headers: request.headers, secure, generation, force: true });
  if (cookie) responseHeaders.append("Set-Cookie", cookie);
}

import { apiRoute, parseInput, readJsonBody } from "@/lib/api/http";
import { assertSameOrigin } from "@/lib/auth/request-user";
import { readSessionClaims } from "@/lib/auth/session-token";
import { registerAccount } from "@/lib/auth/users";
import { clientIp, enforceRateLimit } from "@/lib/rate-limit";
import { signupRequestSchema } from "./schema";

// The client signs in with the new credentials afterwards (next-auth's signIn), which also
// replaces the guest session cookie.
export const POST = apiRoute(async (request) => {
  await enforceRateLimit({ policy: "auth", ip: clientIp({ request }) });
  const guest = await readSessionClaims({ headers: request.headers });
  if (guest) assertSameOrigin(request);
  const body = parseInput(signupRequestSchema, await readJsonBody(request, { maxBytes: 4 * 1024 }), "validation:signup");
  const user = await registerAccount({ ...body, guestUserId: guest?.isGuest ? guest.userId : undefined });
  return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role, is_guest: user.isGuest } }, { status: 201 });
});

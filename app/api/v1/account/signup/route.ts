import { apiRoute, routeMethods } from "@/lib/api/route";
import { ACCOUNT_BODY_LIMIT, signupRequestSchema, type Account } from "@/lib/auth/contract";
import { registerAccount } from "@/lib/auth/users";

// The client signs in with the new credentials afterwards (next-auth's signIn), which also
// replaces the guest session cookie. A guest signing up becomes the account in place.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  POST: apiRoute(
    { auth: "optional", rateLimit: "auth", body: { schema: signupRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT, code: "validation:signup" } },
    async ({ user: caller, body }) => {
      const user = await registerAccount({ ...body, guestUserId: caller?.isGuest ? caller.id : undefined });
      const account: Account = { id: user.id, email: user.email, name: user.name, role: user.role, is_guest: user.isGuest };
      return Response.json({ user: account }, { status: 201 });
    },
  ),
});

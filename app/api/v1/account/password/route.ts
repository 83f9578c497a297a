import { apiRoute, routeMethods } from "@/lib/api/route";
import { ACCOUNT_BODY_LIMIT, changePasswordRequestSchema } from "@/lib/auth/contract";
import { keepThisSession } from "@/lib/auth/sessions";
import { changePassword } from "@/lib/auth/users";

// A new password ends every other session (a thief's copy of the cookie included); this one stays.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  PUT: apiRoute(
    { auth: "account", rateLimit: "auth", body: { schema: changePasswordRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT, code: "validation:password" } },
    async ({ request, user, body, responseHeaders }) => {
      await changePassword({ userId: user.id, currentPassword: body.current_password, newPassword: body.new_password });
      await keepThisSession({ request, user, responseHeaders });
      return { status: "changed" };
    },
  ),
});

import { apiRoute, routeMethods } from "@/lib/api/route";
import { keepThisSession } from "@/lib/auth/sessions";

// "Sign out everywhere else": every session of the account ends except the one asking.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  DELETE: apiRoute({ auth: "account" }, async ({ request, user, responseHeaders }) => {
    await keepThisSession({ request, user, responseHeaders });
    return { status: "signed_out_elsewhere" };
  }),
});

import { redirect } from "next/navigation";
import { apiRoute, routeMethods } from "@/lib/api/route";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signIn } from "@/lib/auth/config";
import { clientIp, enforceRateLimit } from "@/lib/rate-limit";

// The proxy sends page visits without a session here: a guest account is made and signed in,
// and the visitor continues where they were going. No sign-up wall, but a per-IP limit on how
// many guests one network can make.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: apiRoute({ auth: "optional" }, async ({ request, user }) => {
    const callbackPath = safeCallbackPath(new URL(request.url).searchParams.get("callbackUrl"));
    if (user) redirect(callbackPath);
    await enforceRateLimit({ policy: "guest", ip: clientIp({ request }) });
    return signIn("guest", { redirectTo: callbackPath });
  }),
});

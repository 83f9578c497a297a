import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { readSessionClaims } from "@/lib/auth/session-token";

// The proxy sends page visits without a session here: a guest account is made and signed in,
// and the visitor continues where they were going. No sign-up wall.
export async function GET(request: Request) {
  const callbackPath = safeCallbackPath(new URL(request.url).searchParams.get("callbackUrl"));
  if (await readSessionClaims({ headers: request.headers })) redirect(callbackPath);
  return signIn("guest", { redirectTo: callbackPath });
}

import "server-only";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "@/lib/env";

/** OAuth providers switched on by their env vars. */
export function oauthProviders() {
  return [
    ...(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })] : []),
    ...(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET ? [Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET })] : []),
  ];
}

/** For the sign-in page: which "Continue with …" buttons to show. */
export function enabledOAuthProviders(): { id: "github" | "google"; name: string }[] {
  return oauthProviders().map((provider) => ({ id: provider.id as "github" | "google", name: provider.name }));
}

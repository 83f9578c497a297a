import type { Metadata } from "next";
import Link from "next/link";
import { callbackPathFrom, withCallbackUrl } from "@/components/account/callback-url";
import { AuthScreen } from "@/components/account/auth-screen";
import { OAuthButtons } from "@/components/account/oauth-buttons";
import { SignInForm } from "@/components/account/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { enabledOAuthProviders } from "@/lib/auth/providers";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends failed provider sign-ins back here with ?error=<type>.
const PROVIDER_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked: "That email already has an account here. Sign in with its password instead.",
  AccessDenied: "Sign-in was cancelled or refused.",
};
const PROVIDER_ERROR_FALLBACK = "Couldn't sign you in with that provider. Try again, or use your email and password.";

const ART = { location: "Lantern Inn", time_of_day: "night", weather: "clear" } as const;

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const params = await searchParams;
  const callbackUrl = callbackPathFrom(params.callbackUrl);
  const providerError = typeof params.error === "string" ? (PROVIDER_ERRORS[params.error] ?? PROVIDER_ERROR_FALLBACK) : null;
  const user = await getCurrentUser();
  return (
    <AuthScreen
      title="Return to your party"
      art={ART}
      intro={
        <>
          <p>Sign in to pick up your saved games on any device.</p>
          {user?.isGuest && <p className="muted">Games you started as a guest on this device come with you.</p>}
        </>
      }
      footer={
        <>
          New here? <Link href={withCallbackUrl("/signup", callbackUrl)}>Create an account</Link> and keep your party.
        </>
      }
    >
      <h2 className="panel-title">Sign in</h2>
      {providerError && (
        <p className="form-alert auth-provider-error" role="alert">
          {providerError}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      <OAuthButtons providers={enabledOAuthProviders()} callbackUrl={callbackUrl} />
    </AuthScreen>
  );
}

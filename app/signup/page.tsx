import type { Metadata } from "next";
import Link from "next/link";
import { callbackPathFrom, withCallbackUrl } from "@/components/account/callback-url";
import { AuthScreen } from "@/components/account/auth-screen";
import { SignUpForm } from "@/components/account/sign-up-form";
import { StatusPanel } from "@/components/status-panel";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Create an account" };

const ART = { location: "Village crossroads", time_of_day: "dawn", weather: "clear" } as const;

export default async function SignUpPage({ searchParams }: PageProps<"/signup">) {
  const callbackUrl = callbackPathFrom((await searchParams).callbackUrl);
  const user = await getCurrentUser();
  if (user && !user.isGuest) {
    return (
      <StatusPanel
        glyph="✓"
        title="You already have an account"
        testId="signup-has-account"
        actions={
          <>
            <Link href={callbackUrl ?? "/"} className="btn btn-primary">
              Continue playing
            </Link>
            <Link href="/settings" className="btn">
              Settings
            </Link>
          </>
        }
      >
        <p>You&apos;re signed in as {user.name ?? user.email}. Sign out first to create another account.</p>
      </StatusPanel>
    );
  }
  return (
    <AuthScreen
      title="Keep your party: create an account"
      art={ART}
      intro={
        <p>
          You&apos;ve been playing as a guest. Sign up and every game you started stays yours, on this device and any
          other.
        </p>
      }
      footer={
        <>
          Already have an account? <Link href={withCallbackUrl("/signin", callbackUrl)}>Sign in</Link>
        </>
      }
    >
      <h2 className="panel-title">Create an account</h2>
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthScreen>
  );
}

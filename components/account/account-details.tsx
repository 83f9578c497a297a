import Link from "next/link";
import { withCallbackUrl } from "./callback-url";
import { SignOutButton } from "./sign-out-button";

export type AccountUser = { email: string | null; name: string | null; role: "player" | "designer" | "admin" };

const ROLE_NOTES = {
  player: "Player: play and save games.",
  designer: "Designer: also opens the scene designer.",
  admin: "Admin: everything, including the scene designer.",
} as const;

/** Who is signed in, and the way out. */
export function AccountDetails({ user }: { user: AccountUser }) {
  return (
    <section className="panel" aria-labelledby="account-title" data-testid="account-details">
      <h2 id="account-title" className="panel-title">
        Account
      </h2>
      <dl className="detail-list">
        <dt>Email</dt>
        <dd data-testid="account-email">{user.email ?? "none (signed in with a provider)"}</dd>
        <dt>Name</dt>
        <dd data-testid="account-display-name">{user.name ?? "not set"}</dd>
        <dt>Role</dt>
        <dd data-testid="account-role">{ROLE_NOTES[user.role]}</dd>
      </dl>
      <div className="btn-row">
        <SignOutButton className="btn" />
      </div>
    </section>
  );
}

/** A guest's settings: nothing to manage yet, so explain what an account adds. */
export function GuestAccount() {
  return (
    <section className="panel" aria-labelledby="guest-title" data-testid="guest-account">
      <h2 id="guest-title" className="panel-title">
        You&apos;re playing as a guest
      </h2>
      <p>
        Your games are saved to a guest account that lives in this browser. Create an account to keep every party you
        started, play on any device, and make API tokens for scripts.
      </p>
      <div className="btn-row">
        <Link href={withCallbackUrl("/signup", "/settings")} className="btn btn-primary" data-testid="guest-signup">
          Keep your party: sign up
        </Link>
        <Link href={withCallbackUrl("/signin", "/settings")} className="btn">
          I have an account
        </Link>
      </div>
    </section>
  );
}

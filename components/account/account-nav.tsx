import Link from "next/link";
import { GuestLinks } from "./guest-links";
import { SignOutButton } from "./sign-out-button";

export type HeaderUser = { email: string | null; name: string | null; isGuest: boolean };

/** The header's account corner: who is playing, and the way in or out. */
export function AccountNav({ user }: { user: HeaderUser | null }) {
  const signedIn = user && !user.isGuest;
  const who = signedIn ? (user.name ?? user.email ?? "Your account") : "Guest";
  return (
    <nav aria-label="Account" className="account-nav" data-testid="account-nav">
      <ul className="site-nav">
        <li className="account-name" title={who} data-testid="account-name">
          {who}
        </li>
        {signedIn ? (
          <>
            <li>
              <Link href="/settings" data-testid="nav-settings">
                Settings
              </Link>
            </li>
            <li>
              <SignOutButton />
            </li>
          </>
        ) : (
          <GuestLinks />
        )}
      </ul>
    </nav>
  );
}

import Link from "next/link";
import { StatusPanel } from "../status-panel";
import { withCallbackUrl } from "./callback-url";

/** What players see at /designer: why it is closed, and how an account gets the designer role. */
export function DesignersOnly({ isGuest, email }: { isGuest: boolean; email: string | null }) {
  return (
    <StatusPanel
      glyph="✎"
      title="Designers only"
      testId="designers-only"
      actions={
        <>
          {isGuest && (
            <Link href={withCallbackUrl("/signup", "/designer")} className="btn btn-primary">
              Create an account
            </Link>
          )}
          <Link href="/" className={isGuest ? "btn" : "btn btn-primary"}>
            Back to the title screen
          </Link>
        </>
      }
    >
      <p>The scene designer shows every scene&apos;s secrets, so it is kept for the people who write them.</p>
      <p>
        {isGuest ? "Create an account, then ask" : "Ask"} an admin to give your account the designer role. On the
        server (with the embedded database, while the app is stopped) they run:
      </p>
      <pre className="code-block">
        <code>npm run user:role -- {email ?? "<your email>"} designer</code>
      </pre>
      <p>or, signed in as an admin, they send PUT /api/v1/admin/users/role.</p>
    </StatusPanel>
  );
}

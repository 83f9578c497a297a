"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Ends the session and reloads the title screen (where a fresh guest takes over). */
export function SignOutButton({ className = "btn btn-small" }: { className?: string }) {
  const [leaving, setLeaving] = useState(false);

  function leave() {
    setLeaving(true);
    void signOut({ redirectTo: "/" });
  }

  return (
    <button type="button" className={className} onClick={leave} disabled={leaving} data-testid="sign-out">
      {leaving ? "Signing out…" : "Sign out"}
    </button>
  );
}

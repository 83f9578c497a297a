"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

export type OAuthProvider = { id: string; name: string };

/** "Continue with GitHub" etc.: each leaves for the provider's page and comes back to `callbackUrl`. */
export function OAuthButtons({ providers, callbackUrl }: { providers: OAuthProvider[]; callbackUrl?: string }) {
  const [leavingFor, setLeavingFor] = useState<string | null>(null);
  if (providers.length === 0) return null;

  function continueWith(providerId: string) {
    setLeavingFor(providerId);
    void signIn(providerId, { redirectTo: callbackUrl ?? "/" });
  }

  return (
    <div className="oauth-options">
      <p className="oauth-divider" aria-hidden="true">
        or
      </p>
      <div className="btn-row">
        {providers.map(({ id, name }) => (
          <button
            key={id}
            type="button"
            className="btn"
            disabled={leavingFor !== null}
            onClick={() => continueWith(id)}
            data-testid={`oauth-${id}`}
          >
            {leavingFor === id ? `Opening ${name}…` : `Continue with ${name}`}
          </button>
        ))}
      </div>
    </div>
  );
}

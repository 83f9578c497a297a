"use client";

import { useQueryClient } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { DEFAULT_RATE_LIMIT_WAIT } from "./api-client";

export type SignInOutcome =
  | { kind: "signed-in" }
  | { kind: "invalid" }
  | { kind: "rate-limited"; seconds: number }
  | { kind: "unavailable" };

/** Email + password sign-in, without a page load; the answer sorted into what the form shows. */
export async function signInWithPassword(email: string, password: string): Promise<SignInOutcome> {
  try {
    const result = await signIn("credentials", { email, password, redirect: false });
    if (result?.status === 429) {
      const seconds = Number(result.code);
      return { kind: "rate-limited", seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_RATE_LIMIT_WAIT };
    }
    if (!result || result.status >= 500 || result.error === "Configuration") return { kind: "unavailable" };
    // Auth.js answers a wrong password with 200 + error; never tell whether the email exists.
    return result.error ? { kind: "invalid" } : { kind: "signed-in" };
  } catch {
    return { kind: "unavailable" }; // offline, or an answer that isn't Auth.js JSON
  }
}

/**
 * After signing in: drop everything cached for the previous user (guest games, tokens), then go on
 * and re-render the server components (the header) as the new user.
 */
export function useEnterAccount(callbackUrl: string | undefined) {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useCallback(() => {
    queryClient.clear();
    router.push(callbackUrl ?? "/");
    router.refresh();
  }, [callbackUrl, queryClient, router]);
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useCountdown } from "@/hooks/use-countdown";
import { signInWithPassword, useEnterAccount, type SignInOutcome } from "@/hooks/use-sign-in";
import { Countdown } from "../countdown";
import { TextField } from "../text-field";

type Credentials = { email: string; password: string };

function OutcomeAlert({ outcome, remaining }: { outcome: SignInOutcome | undefined; remaining: number }) {
  if (!outcome || outcome.kind === "signed-in") return null;
  return (
    <p className="form-alert" role="alert" data-testid="signin-error">
      {outcome.kind === "invalid" && "Email or password is incorrect."}
      {outcome.kind === "unavailable" && "Couldn't sign you in right now. Check your connection and try again."}
      {outcome.kind === "rate-limited" && (
        <Countdown remaining={remaining} waiting="Too many attempts. Try again in" done="You can try again now." />
      )}
    </p>
  );
}

/** Email + password sign-in. Wrong details get one message, whichever was wrong. */
export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const enterAccount = useEnterAccount(callbackUrl);
  const signIn = useMutation({
    mutationFn: ({ email, password }: Credentials) => signInWithPassword(email, password),
    onSuccess: (outcome) => outcome.kind === "signed-in" && enterAccount(),
  });
  const outcome = signIn.data;
  const remaining = useCountdown(outcome?.kind === "rate-limited" ? outcome.seconds : null);
  // Stays busy after success too: the page is about to change.
  const busy = signIn.isPending || outcome?.kind === "signed-in";

  const emailError = submitted && !email.trim() ? "Enter your email." : null;
  const passwordError = submitted && !password ? "Enter your password." : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const firstMissing = !email.trim() ? "signin-email" : !password ? "signin-password" : null;
    if (firstMissing) document.getElementById(firstMissing)?.focus();
    else signIn.mutate({ email: email.trim(), password });
  }

  return (
    <form className="form-stack" noValidate onSubmit={onSubmit} data-testid="signin-form">
      <TextField
        id="signin-email"
        label="Email"
        type="email"
        autoComplete="email"
        value={email}
        error={emailError}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        id="signin-password"
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        error={passwordError}
        onChange={(event) => setPassword(event.target.value)}
      />
      <OutcomeAlert outcome={outcome} remaining={remaining} />
      <div className="btn-row">
        <button type="submit" className="btn btn-primary" disabled={busy || remaining > 0} data-testid="signin-submit">
          {busy ? "Signing in…" : "Sign in ▶"}
        </button>
      </div>
    </form>
  );
}

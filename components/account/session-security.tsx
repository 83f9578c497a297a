"use client";

import { useState, type FormEvent } from "react";
import { ApiError, describeError } from "@/hooks/api-client";
import { useChangePassword, useSignOutElsewhere } from "@/hooks/use-session-security";
import { passwordSchema, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-rules";
import { TextField } from "../text-field";

const PASSWORD_HINT = `${PASSWORD_MIN}–${PASSWORD_MAX} characters. Not a common password, and not too repetitive.`;

function ChangePasswordForm() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const change = useChangePassword();
  const nextProblem = submitted ? (passwordSchema.safeParse(next).error?.issues[0]?.message ?? null) : null;
  const currentProblem = submitted && !current ? "Enter your current password." : null;
  const wrongCurrent = change.error instanceof ApiError && change.error.code === "forbidden:password";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!current || !passwordSchema.safeParse(next).success) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent("");
          setNext("");
          setSubmitted(false);
        },
      },
    );
  }

  return (
    <form className="token-form" noValidate onSubmit={onSubmit} data-testid="change-password-form">
      <TextField
        id="current-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        error={currentProblem ?? (wrongCurrent ? (change.error?.message ?? null) : null)}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <TextField
        id="new-password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        value={next}
        error={nextProblem}
        onChange={(event) => setNext(event.target.value)}
      />
      <button type="submit" className="btn btn-teal" disabled={change.isPending} data-testid="change-password">
        {change.isPending ? "Changing…" : "Change password"}
      </button>
      {change.isSuccess && (
        <p className="form-note" role="status" data-testid="password-changed">
          Password changed. Every other browser and device signed in to this account is signed out.
        </p>
      )}
      {change.isError && !wrongCurrent && (
        <p className="form-alert" role="alert">
          Couldn&apos;t change the password: {describeError(change.error)}
        </p>
      )}
    </form>
  );
}

/** Sessions and password: end the account's other sessions, or change the password (which does too). */
export function SessionSecurity({ hasPassword }: { hasPassword: boolean }) {
  const signOutElsewhere = useSignOutElsewhere();
  return (
    <section className="panel" aria-labelledby="security-title" data-testid="session-security">
      <h2 id="security-title" className="panel-title">
        Sessions and password
      </h2>
      <p>Lost a device, or signed in on a shared computer? End every session of this account except this one.</p>
      <div className="btn-row">
        <button type="button" className="btn" disabled={signOutElsewhere.isPending} onClick={() => signOutElsewhere.mutate()} data-testid="sign-out-elsewhere">
          {signOutElsewhere.isPending ? "Signing out…" : "Sign out everywhere else"}
        </button>
      </div>
      {signOutElsewhere.isSuccess && (
        <p className="form-note" role="status" data-testid="signed-out-elsewhere">
          Done: every other browser and device is signed out.
        </p>
      )}
      {signOutElsewhere.isError && (
        <p className="form-alert" role="alert">
          Couldn&apos;t sign out the other sessions: {describeError(signOutElsewhere.error)}
        </p>
      )}
      {hasPassword ? (
        <ChangePasswordForm />
      ) : (
        <p className="field-hint">This account signs in through GitHub or Google, so it has no password to change here.</p>
      )}
    </section>
  );
}

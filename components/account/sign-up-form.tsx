"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ChangeEvent, type FormEvent } from "react";
import type { z } from "@/lib/zod";
import { api, ApiError, describeError, rateLimitWait, type SignUp } from "@/hooks/api-client";
import { useCountdown } from "@/hooks/use-countdown";
import { signInWithPassword, useEnterAccount } from "@/hooks/use-sign-in";
import { emailSchema, passwordSchema, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-rules";
import { Countdown } from "../countdown";
import { TextField } from "../text-field";
import { withCallbackUrl } from "./callback-url";

type Field = "email" | "password" | "name";
type Issue = { path?: unknown; message?: unknown };

const PASSWORD_HINT = `${PASSWORD_MIN}–${PASSWORD_MAX} characters. Not a common password, and not too repetitive: a short sentence works well.`;

function schemaProblem(schema: z.ZodType, value: string): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "Check this field.");
}

/** Field messages from a 422 validation:signup answer, keyed by field. */
function serverIssues(error: unknown): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError) || error.status !== 422) return {};
  const issues = (error.details as { issues?: Issue[] } | undefined)?.issues ?? [];
  const byField: Partial<Record<Field, string>> = {};
  for (const { path, message } of issues) {
    const field: unknown = Array.isArray(path) ? path[0] : path;
    if ((field === "email" || field === "password" || field === "name") && typeof message === "string") {
      byField[field] ??= message;
    }
  }
  return byField;
}

function FormProblem({ error, remaining }: { error: Error | null; remaining: number }) {
  if (!error) return null;
  return (
    <p className="form-alert" role="alert" data-testid="signup-error">
      {rateLimitWait(error) === null ? (
        describeError(error)
      ) : (
        <Countdown remaining={remaining} waiting="Too many attempts. Try again in" done="You can try again now." />
      )}
    </p>
  );
}

/**
 * Turns the current guest into an account (keeping its games), then signs in with it.
 * Rules are checked as the player types, with the same schemas the server uses.
 */
export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [values, setValues] = useState<Record<Field, string>>({ email: "", password: "", name: "" });
  const [touched, setTouched] = useState<Set<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const enterAccount = useEnterAccount(callbackUrl);
  const signUp = useMutation({
    mutationFn: async (account: SignUp) => {
      await api.signUp(account);
      return signInWithPassword(account.email, account.password);
    },
    onSuccess: (outcome) => outcome.kind === "signed-in" && enterAccount(),
  });
  const remaining = useCountdown(signUp.isError ? rateLimitWait(signUp.error) : null);
  // The account exists now even if signing in with it failed: only a sign-in is left to do.
  const created = signUp.isSuccess;

  const problems = { email: schemaProblem(emailSchema, values.email), password: schemaProblem(passwordSchema, values.password) };
  // Rule problems show once a field was left or the form submitted; the server's until the next try.
  const shown = (field: keyof typeof problems) => (submitted || touched.has(field) ? problems[field] : null);
  const fromServer = serverIssues(signUp.error);
  const hasFieldIssues = Object.keys(fromServer).length > 0;

  const change = (field: Field) => (event: ChangeEvent<HTMLInputElement>) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const touch = (field: Field) => () => setTouched((current) => new Set(current).add(field));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const firstInvalid = problems.email ? "signup-email" : problems.password ? "signup-password" : null;
    if (firstInvalid) {
      document.getElementById(firstInvalid)?.focus();
      return;
    }
    const name = values.name.trim();
    signUp.mutate({ email: emailSchema.parse(values.email), password: values.password, ...(name && { name }) });
  }

  if (created && signUp.data.kind !== "signed-in") {
    return (
      <p className="form-alert" role="alert" data-testid="signup-signin-failed">
        Your account is ready, but signing in didn&apos;t work just now.{" "}
        <Link href={withCallbackUrl("/signin", callbackUrl)}>Sign in</Link> to continue.
      </p>
    );
  }

  return (
    <form className="form-stack" noValidate onSubmit={onSubmit} data-testid="signup-form">
      <TextField
        id="signup-email"
        label="Email"
        type="email"
        autoComplete="email"
        value={values.email}
        error={shown("email") ?? fromServer.email}
        onChange={change("email")}
        onBlur={touch("email")}
      />
      <TextField
        id="signup-password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        value={values.password}
        error={shown("password") ?? fromServer.password}
        onChange={change("password")}
        onBlur={touch("password")}
      />
      <TextField
        id="signup-name"
        label="Name (optional)"
        autoComplete="nickname"
        hint="Shown in the header. Left empty, the part of your email before the @."
        value={values.name}
        error={fromServer.name}
        onChange={change("name")}
      />
      <FormProblem error={hasFieldIssues ? null : signUp.error} remaining={remaining} />
      <div className="btn-row">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={signUp.isPending || created || remaining > 0}
          onMouseDown={(event) => event.preventDefault()}
          data-testid="signup-submit"
        >
          {signUp.isPending || created ? "Creating account…" : "Create account ▶"}
        </button>
      </div>
    </form>
  );
}

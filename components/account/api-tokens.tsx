"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { describeError, type ApiToken, type NewApiToken } from "@/hooks/api-client";
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from "@/hooks/use-api-tokens";
import { CopyButton } from "../copy-button";
import { timeAgo } from "../relative-time";
import { TextField } from "../text-field";

const NAME_MAX = 60;

function tokenNameProblem(name: string): string | null {
  if (name.trim().length === 0) return "Give the token a name, e.g. the script that will use it.";
  return name.trim().length > NAME_MAX ? `Use at most ${NAME_MAX} characters.` : null;
}

/** The secret of a token just created: shown this once, so it gets focus and a copy button. */
function NewTokenReveal({ created, onDone }: { created: NewApiToken; onDone: () => void }) {
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => boxRef.current?.focus(), [created.id]);

  return (
    <div ref={boxRef} tabIndex={-1} className="token-reveal" aria-labelledby="new-token-title" role="group" data-testid="new-token">
      <h3 id="new-token-title">Token “{created.name}” created</h3>
      <p className="token-warning">Copy it now: you won&apos;t see this token again.</p>
      <div className="copy-row">
        <code id="new-token-value" data-testid="new-token-value">
          {created.token}
        </code>
        <CopyButton text={created.token} targetId="new-token-value" label="Copy token" testId="copy-token" />
      </div>
      <div className="btn-row">
        <button type="button" className="btn btn-small" onClick={onDone} data-testid="new-token-done">
          Done, I saved it
        </button>
      </div>
    </div>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (created: NewApiToken) => void }) {
  const [name, setName] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const create = useCreateApiToken();
  const problem = submitted ? tokenNameProblem(name) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (tokenNameProblem(name)) {
      document.getElementById("token-name")?.focus();
      return;
    }
    create.mutate(name.trim(), {
      onSuccess: (created) => {
        setName("");
        setSubmitted(false);
        onCreated(created);
      },
    });
  }

  return (
    <form className="token-form" noValidate onSubmit={onSubmit} data-testid="create-token-form">
      <TextField
        id="token-name"
        label="Token name"
        placeholder="nightly-backup"
        value={name}
        error={problem}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="btn btn-teal" disabled={create.isPending} data-testid="create-token">
        {create.isPending ? "Creating…" : "Create token"}
      </button>
      {create.isError && (
        <p className="form-alert" role="alert">
          Couldn&apos;t create the token: {describeError(create.error)}
        </p>
      )}
    </form>
  );
}

/** One token in the list; revoking asks once more, since scripts using it stop working at once. */
function TokenItem({ token }: { token: ApiToken }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeApiToken();
  return (
    <li className="token-item" data-testid={`token-${token.id}`}>
      <span className="token-name">{token.name}</span>
      <span className="token-meta">
        <code>{token.prefix}…</code> · created {timeAgo(token.created_at)} ·{" "}
        {token.last_used_at ? `last used ${timeAgo(token.last_used_at)}` : "never used"}
      </span>
      <span className="token-actions">
        {confirming ? (
          <>
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(token.id)}
              aria-label={`Yes, revoke ${token.name}`}
              data-testid="confirm-revoke"
            >
              {revoke.isPending ? "Revoking…" : "Yes, revoke"}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setConfirming(true)}
            aria-label={`Revoke ${token.name}`}
            data-testid="revoke-token"
          >
            Revoke
          </button>
        )}
      </span>
      {revoke.isError && (
        <p className="field-error token-error" role="alert">
          Couldn&apos;t revoke: {describeError(revoke.error)}
        </p>
      )}
    </li>
  );
}

function TokenList() {
  const tokens = useApiTokens();
  if (tokens.isPending) return <p role="status">Loading tokens…</p>;
  if (tokens.isError) {
    return (
      <div className="form-alert" role="alert">
        <p>Couldn&apos;t load your tokens: {describeError(tokens.error)}</p>
        <button type="button" className="btn btn-small" onClick={() => void tokens.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (tokens.data.tokens.length === 0) return <p className="muted">No tokens yet.</p>;
  return (
    <ul className="token-list" data-testid="token-list">
      {tokens.data.tokens.map((token) => (
        <TokenItem key={token.id} token={token} />
      ))}
    </ul>
  );
}

/** How a script uses a token: the save/load API with a Bearer header. */
function CurlExample({ origin }: { origin: string }) {
  return (
    <pre className="code-block" data-testid="curl-example">
      <code>
        {`export TALESHARD_TOKEN=tsk_…\ncurl -H "Authorization: Bearer $TALESHARD_TOKEN" ${origin}/api/v1/load/<session-id>`}
      </code>
    </pre>
  );
}

/** Create, list and revoke the personal API tokens scripts use to save and load games. */
export function ApiTokens({ origin }: { origin: string }) {
  const [created, setCreated] = useState<NewApiToken | null>(null);

  function dismissReveal() {
    setCreated(null);
    // The focused box disappears: land on the form, ready for the next token.
    document.getElementById("token-name")?.focus();
  }

  return (
    <section className="panel" aria-labelledby="tokens-title" data-testid="api-tokens">
      <h2 id="tokens-title" className="panel-title">
        API tokens
      </h2>
      <p className="muted">
        Scripts can save and load your games with a token instead of a browser session. Treat a token like a password.
      </p>
      {created && <NewTokenReveal created={created} onDone={dismissReveal} />}
      <CreateTokenForm onCreated={setCreated} />
      <h3 className="sub-heading">Your tokens</h3>
      <TokenList />
      <h3 className="sub-heading">Use it</h3>
      <CurlExample origin={origin} />
      <p className="muted">
        The same header works on every save/load endpoint, e.g. <code>POST /api/v1/save</code>.
      </p>
    </section>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SESSION_ID_PATTERN } from "@/lib/saves/contract";
import { useRecentSessions } from "@/hooks/use-recent-sessions";
import { SCENE_COUNT } from "@/lib/game/types";
import { timeAgo } from "../relative-time";
import { TextField } from "../text-field";

function sessionIdProblem(value: string): string | null {
  if (value.trim().length === 0) return "Enter the session id of your save.";
  return SESSION_ID_PATTERN.test(value.trim()) ? null : "Session ids use only letters, digits, - and _ (up to 128).";
}

function ResumeForm() {
  const router = useRouter();
  const [sessionId, setSessionId] = useState("");
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = sessionIdProblem(sessionId);
    setError(problem);
    if (problem) document.getElementById("continue-session-id")?.focus();
    else router.push(`/play/${sessionId.trim()}`);
  }

  return (
    <form className="form-stack" noValidate onSubmit={onSubmit} data-testid="continue-form">
      <TextField
        id="continue-session-id"
        label="Session id"
        placeholder="shard-k3x9q0a1zp"
        value={sessionId}
        error={error}
        onChange={(event) => setSessionId(event.target.value)}
      />
      <div className="btn-row">
        <button type="submit" className="btn btn-teal">
          Continue ▶
        </button>
      </div>
    </form>
  );
}

function RecentSessions() {
  const { sessions, forget } = useRecentSessions();
  if (sessions.length === 0) {
    return <p className="muted">Games you play in this browser will appear here.</p>;
  }
  return (
    <ul className="recent-list" data-testid="recent-sessions">
      {sessions.map((session) => (
        <li key={session.sessionId} className="recent-item">
          <span className="recent-name">{session.partyName}</span>
          <span className="recent-meta">
            Scene {session.sceneIndex} of {SCENE_COUNT} · {timeAgo(session.lastPlayed)}
          </span>
          <span className="recent-actions">
            <Link
              href={`/play/${session.sessionId}`}
              className="btn btn-small btn-teal"
              aria-label={`Continue ${session.partyName} (${session.sessionId})`}
            >
              Continue
            </Link>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => forget(session.sessionId)}
              aria-label={`Forget ${session.partyName} (${session.sessionId})`}
            >
              Forget
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Resume a saved game: by typing its session id, or from this browser's recent games. */
export function ContinuePanel() {
  return (
    <section className="panel" aria-labelledby="continue-title">
      <h2 id="continue-title" className="panel-title">
        Continue
      </h2>
      <ResumeForm />
      <h3 className="sub-heading">Recent games</h3>
      <RecentSessions />
    </section>
  );
}

"use client";

import { ApiError, describeError, rateLimitWait } from "@/hooks/api-client";
import { useCountdown } from "@/hooks/use-countdown";
import { Countdown } from "../countdown";

type SaveIndicatorProps = {
  status: "idle" | "pending" | "success" | "error";
  error: Error | null;
  version: number;
  onRetry: () => void;
};

/** "Saved ✓ v7" / "Saving…" / what went wrong, with a retry for failures worth retrying. */
export function SaveIndicator({ status, error, version, onRetry }: SaveIndicatorProps) {
  const conflict = error instanceof ApiError && error.isConflict;
  const wait = rateLimitWait(error);
  const remaining = useCountdown(status === "error" ? wait : null);
  const state = status === "pending" ? "saving" : status === "error" ? (conflict ? "conflict" : "error") : "saved";
  const message = {
    saving: "Saving…",
    saved: `Saved ✓ v${version}`,
    conflict: `This game moved on elsewhere: now showing its latest save (v${version}).`,
    error:
      wait === null ? (
        `Save failed: ${describeError(error)}`
      ) : (
        <Countdown remaining={remaining} waiting="Too many saves — try again in" done="Too many saves — you can retry now." />
      ),
  }[state];

  return (
    <div className="save-indicator">
      <span className="save-state" role="status" data-state={state} data-testid="save-indicator">
        {message}
      </span>
      {state === "error" && (
        <button type="button" className="btn btn-small" onClick={onRetry} disabled={remaining > 0} data-testid="save-retry">
          Retry save
        </button>
      )}
    </div>
  );
}

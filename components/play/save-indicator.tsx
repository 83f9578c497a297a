"use client";

import { ApiError, describeError } from "@/hooks/api-client";

type SaveIndicatorProps = {
  status: "idle" | "pending" | "success" | "error";
  error: Error | null;
  version: number;
  onRetry: () => void;
};

/** "Saved ✓ v7" / "Saving…" / what went wrong, with a retry for failures worth retrying. */
export function SaveIndicator({ status, error, version, onRetry }: SaveIndicatorProps) {
  const conflict = error instanceof ApiError && error.isConflict;
  const state = status === "pending" ? "saving" : status === "error" ? (conflict ? "conflict" : "error") : "saved";
  const message = {
    saving: "Saving…",
    saved: `Saved ✓ v${version}`,
    conflict: `This game moved on elsewhere: now showing its latest save (v${version}).`,
    error: `Save failed: ${describeError(error)}`,
  }[state];

  return (
    <div className="save-indicator">
      <span className="save-state" role="status" data-state={state} data-testid="save-indicator">
        {message}
      </span>
      {state === "error" && (
        <button type="button" className="btn btn-small" onClick={onRetry} data-testid="save-retry">
          Retry save
        </button>
      )}
    </div>
  );
}

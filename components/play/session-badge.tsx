"use client";

import { useEffect, useState } from "react";

const FEEDBACK_MS = 2000;

/** The session id with a copy button, so the player can continue on another device. */
export function SessionBadge({ sessionId }: { sessionId: string }) {
  const [feedback, setFeedback] = useState("");

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(""), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(sessionId);
      setFeedback("Copied!");
    } catch {
      // Clipboard blocked (insecure origin, permissions): select the id so Ctrl+C works.
      const code = document.getElementById("session-id");
      if (code) window.getSelection()?.selectAllChildren(code);
      setFeedback("Selected: press Ctrl+C");
    }
  }

  return (
    <div className="session-chip">
      <span className="field-label">Session id</span>
      <code id="session-id" data-testid="session-id">
        {sessionId}
      </code>
      <button type="button" className="btn btn-small" onClick={copy} data-testid="copy-session-id">
        Copy id
      </button>
      <span role="status" className="muted">
        {feedback}
      </span>
    </div>
  );
}

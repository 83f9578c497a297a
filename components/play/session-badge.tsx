import { CopyButton } from "../copy-button";

/** The session id with a copy button, so the player can continue on another device. */
export function SessionBadge({ sessionId }: { sessionId: string }) {
  return (
    <div className="copy-row">
      <span className="field-label">Session id</span>
      <code id="session-id" data-testid="session-id">
        {sessionId}
      </code>
      <CopyButton text={sessionId} targetId="session-id" label="Copy id" testId="copy-session-id" />
    </div>
  );
}

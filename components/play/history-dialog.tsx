"use client";

import { useEffect, useRef } from "react";
import { describeError, type Snapshot } from "@/hooks/api-client";
import { useSaveHistory } from "@/hooks/use-save-history";
import { getScene, isDefeated, isFinished } from "@/lib/game/rules";
import type { GameState } from "@/lib/game/types";
import { timeAgo } from "../relative-time";

type HistoryDialogProps = {
  sessionId: string;
  open: boolean;
  currentVersion: number;
  restoring: boolean;
  onRestore: (snapshotId: string) => void;
  onClose: () => void;
};

function progressNote(state: GameState): string {
  if (isDefeated(state)) return "Party fallen";
  if (isFinished(state)) return "Tale complete";
  const standing = state.heroes.filter((hero) => hero.hp > 0).length;
  return `${standing} of ${state.heroes.length} standing`;
}

function SnapshotItem({ snapshot, current, restoring, onRestore }: {
  snapshot: Snapshot;
  current: boolean;
  restoring: boolean;
  onRestore: () => void;
}) {
  return (
    <li className="snapshot" data-current={current} data-testid={`snapshot-${snapshot.version}`}>
      <span className="snapshot-title">
        v{snapshot.version} · Scene {snapshot.scene_index}: {getScene(snapshot.scene_index).title}
      </span>
      <span className="snapshot-meta">
        {progressNote(snapshot.state)} · {timeAgo(snapshot.created_at)}
      </span>
      {current ? (
        <span className="tag">Current</span>
      ) : (
        <button
          type="button"
          className="btn btn-small btn-teal"
          disabled={restoring}
          onClick={onRestore}
          aria-label={`Restore version ${snapshot.version}, scene ${snapshot.scene_index}`}
          data-testid={`restore-${snapshot.version}`}
        >
          Restore
        </button>
      )}
    </li>
  );
}

/** Rewind: the last saves of this session, newest first; pick one to restore it. */
export function HistoryDialog({ sessionId, open, currentVersion, restoring, onRestore, onClose }: HistoryDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const history = useSaveHistory(sessionId, open);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="history-title" onClose={onClose} data-testid="history-dialog">
      {open && (
        <div className="dialog-inner">
          <div className="dialog-head">
            <h2 id="history-title">Rewind</h2>
            <button type="button" className="btn btn-small" onClick={onClose}>
              Close
            </button>
          </div>
          <p className="muted">Every save is kept. Restoring one makes it the newest save; nothing is lost.</p>
          {history.isPending && <p role="status">Reading the chronicle…</p>}
          {history.isError && (
            <p className="form-alert" role="alert">
              Couldn&apos;t load the history: {describeError(history.error)}
            </p>
          )}
          {history.data && (
            <ol className="snapshot-list">
              {history.data.snapshots.map((snapshot) => (
                <SnapshotItem
                  key={snapshot.id}
                  snapshot={snapshot}
                  current={snapshot.version === currentVersion}
                  restoring={restoring}
                  onRestore={() => onRestore(snapshot.id)}
                />
              ))}
            </ol>
          )}
        </div>
      )}
    </dialog>
  );
}

"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useState } from "react";
import { ApiError, describeError } from "@/hooks/api-client";
import { useGameState } from "@/hooks/use-game-state";
import { rememberSession } from "@/hooks/use-recent-sessions";
import { useRestoreSnapshot } from "@/hooks/use-save-history";
import { currentPrompt, getScene, lastOutcome } from "@/lib/game/rules";
import type { GameState } from "@/lib/game/types";
import { withCallbackUrl } from "../account/callback-url";
import { StatusPanel } from "../status-panel";
import { DefeatView, EndingView } from "./finale";
import { HistoryDialog } from "./history-dialog";
import { PartyPanel } from "./party-panel";
import { SaveIndicator } from "./save-indicator";
import { SceneView } from "./scene-view";
import { SessionBadge } from "./session-badge";
import { useGameActions } from "./use-game-actions";

// The chat (and its Markdown renderer) loads after the scene, in the browser only (it reads the
// screen width): the first choice never waits for it.
const ChatPanel = dynamic(() => import("../chat/chat-panel").then((module) => module.ChatPanel), {
  ssr: false,
  loading: () => <section className="panel gm-panel" aria-busy="true" aria-label="Game master (loading)" />,
});

const GAME_MASTER = {
  title: "Game master",
  speaker: "Game master",
  placeholder: "What does your party do? (Enter to send)",
  inputLabel: "Tell the game master what you do",
  emptyText: "Tell the game master what your party does, in your own words. They may answer in kind: a wound tended, a secret found.",
  suggestions: ["I look around carefully.", "I search for anything hidden.", "What do we know about this place?"],
};

/** Keeps this browser's "recent games" list current as the party moves on. */
function useRememberSession(sessionId: string, state: GameState | undefined) {
  const partyName = state?.party_name;
  const sceneIndex = state?.scene_index;
  useEffect(() => {
    if (partyName && sceneIndex) rememberSession({ sessionId, partyName, sceneIndex });
  }, [sessionId, partyName, sceneIndex]);
}

function LoadFailure({ sessionId, error, onRetry }: { sessionId: string; error: Error; onRetry: () => void }) {
  const home = (
    <Link href="/" className="btn btn-primary">
      Back to the title screen
    </Link>
  );
  // 422 means the id itself is malformed: for the player that is the same as "no such save".
  if (error instanceof ApiError && (error.isNotFound || error.status === 422)) {
    return (
      <StatusPanel glyph="?" title="No such save" testId="session-not-found" actions={home}>
        <p>
          No game is saved as <code>{sessionId}</code>. Check the id, or start a new tale.
        </p>
        <p>
          Played it on an account? <Link href={withCallbackUrl("/signin", `/play/${sessionId}`)}>Sign in</Link> with
          it to load this game.
        </p>
      </StatusPanel>
    );
  }
  return (
    <StatusPanel
      glyph="!"
      title="Couldn't load the game"
      role="alert"
      testId="play-error"
      actions={
        <>
          <button type="button" className="btn btn-teal" onClick={onRetry}>
            Try again
          </button>
          {home}
        </>
      }
    >
      <p>{describeError(error)}</p>
    </StatusPanel>
  );
}

/** The game screen of one session: the current scene (or an end screen), the party and the save. */
export function PlayScreen({ sessionId }: { sessionId: string }) {
  const game = useGameState(sessionId);
  const actions = useGameActions(sessionId);
  const restore = useRestoreSnapshot(sessionId);
  const [historyOpen, setHistoryOpen] = useState(false);
  useRememberSession(sessionId, game.data?.state);

  if (game.isPending) {
    return <StatusPanel glyph=">_" title="Loading your tale…" role="status" testId="play-loading" />;
  }
  if (game.isError) {
    return <LoadFailure sessionId={sessionId} error={game.error} onRetry={() => void game.refetch()} />;
  }

  const { state, version } = game.data;
  const prompt = currentPrompt(state);
  const scene = getScene(state.scene_index);
  const outcome = lastOutcome(state);
  const openHistory = () => setHistoryOpen(true);

  function restoreSnapshot(snapshotId: string) {
    restore.mutate(snapshotId, {
      onSuccess: () => {
        actions.save.reset();
        setHistoryOpen(false);
      },
    });
  }

  return (
    <>
      <div className="play-bar">
        <SaveIndicator
          status={actions.save.status}
          error={actions.save.error}
          version={version}
          onRetry={actions.retrySave}
        />
        <button type="button" className="btn btn-small" onClick={openHistory} data-testid="open-history">
          ⟲ History
        </button>
      </div>
      {actions.ruleError && (
        <p className="form-alert" role="alert">
          {actions.ruleError}
        </p>
      )}
      {restore.isError && (
        <p className="form-alert" role="alert">
          Couldn&apos;t restore that save: {describeError(restore.error)}
        </p>
      )}
      <div className="play-layout">
        <div className="play-main">
          {prompt.kind === "finished" && <EndingView ending={prompt.ending} scene={scene} onRewind={openHistory} />}
          {prompt.kind === "defeated" && (
            <DefeatView
              sessionId={sessionId}
              scene={scene}
              restoring={restore.isPending}
              onRestore={restoreSnapshot}
              onRewind={openHistory}
            />
          )}
          {(prompt.kind === "symbol" || prompt.kind === "choices") && (
            <SceneView
              scene={scene}
              prompt={prompt}
              outcome={outcome}
              onPickSymbol={actions.pickSymbol}
              onChoose={actions.choose}
            />
          )}
          <ChatPanel mode="game" sessionId={sessionId} voice={GAME_MASTER} />
        </div>
        <aside className="play-side" aria-label="Party and save slot">
          <PartyPanel state={state} />
          <section className="panel" aria-labelledby="slot-title">
            <h2 id="slot-title" className="panel-title">
              Save slot
            </h2>
            <SessionBadge sessionId={sessionId} />
          </section>
        </aside>
      </div>
      <HistoryDialog
        sessionId={sessionId}
        open={historyOpen}
        currentVersion={version}
        restoring={restore.isPending}
        onRestore={restoreSnapshot}
        onClose={() => setHistoryOpen(false)}
      />
    </>
  );
}

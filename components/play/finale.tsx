"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useSaveHistory } from "@/hooks/use-save-history";
import { isDefeated } from "@/lib/game/rules";
import type { Ending, Scene } from "@/lib/game/types";
import { SceneArt } from "../scene-art";

type FinaleProps = {
  tone: Ending["tone"] | "defeat";
  kicker: string;
  title: string;
  scene: Scene;
  testId: string;
  children: ReactNode;
  actions: ReactNode;
};

/** Shared frame of the end screens: last scene's art, a big title, the text and what to do next. */
function Finale({ tone, kicker, title, scene, testId, children, actions }: FinaleProps) {
  return (
    <section className="finale" data-tone={tone} data-testid={testId}>
      <div className="art-frame">
        <SceneArt scene={scene} />
      </div>
      <div className="panel">
        <p className="finale-kicker">{kicker}</p>
        <h1 data-testid={`${testId}-title`}>{title}</h1>
        <div className="finale-text">{children}</div>
        <div className="btn-row">{actions}</div>
      </div>
    </section>
  );
}

const NewGameLink = () => (
  <Link href="/" className="btn" data-testid="new-game">
    New game
  </Link>
);

function RewindButton({ onRewind }: { onRewind: () => void }) {
  return (
    <button type="button" className="btn btn-teal" onClick={onRewind} data-testid="rewind">
      Rewind
    </button>
  );
}

export function EndingView({ ending, scene, onRewind }: { ending: Ending | null; scene: Scene; onRewind: () => void }) {
  return (
    <Finale
      tone={ending?.tone ?? "bittersweet"}
      kicker={ending ? `The tale ends · ${ending.tone}` : "The tale ends"}
      title={ending?.title ?? "The Tale Is Told"}
      scene={scene}
      testId="ending"
      actions={
        <>
          <NewGameLink />
          <RewindButton onRewind={onRewind} />
        </>
      }
    >
      <p>{ending?.text ?? "Your party's story is over, though the bards still argue about how it ended."}</p>
    </Finale>
  );
}

type DefeatViewProps = {
  sessionId: string;
  scene: Scene;
  restoring: boolean;
  onRestore: (snapshotId: string) => void;
  onRewind: () => void;
};

// The last choice's outcome is written for survivors, so the defeat screen does not repeat it.
export function DefeatView({ sessionId, scene, restoring, onRestore, onRewind }: DefeatViewProps) {
  const history = useSaveHistory(sessionId);
  // Snapshots are newest first: the first with a hero still standing is the last save worth loading.
  const lastStanding = history.data?.snapshots.find((snapshot) => !isDefeated(snapshot.state));

  return (
    <Finale
      tone="defeat"
      kicker={`Scene ${scene.index} · ${scene.location}`}
      title="Your party has fallen"
      scene={scene}
      testId="defeat"
      actions={
        <>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!lastStanding || restoring}
            onClick={() => lastStanding && onRestore(lastStanding.id)}
            data-testid="load-last-save"
          >
            {restoring ? "Loading…" : "Load last save"}
          </button>
          <RewindButton onRewind={onRewind} />
          <NewGameLink />
        </>
      }
    >
      <p>
        Every hero lies still. The shard hums on without you.
        {history.isSuccess && !lastStanding && " No earlier save has a hero standing."}
      </p>
    </Finale>
  );
}

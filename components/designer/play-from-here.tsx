"use client";

import { describeError } from "@/hooks/api-client";
import { useStartGame } from "@/hooks/use-start-game";
import { sandboxState } from "@/lib/game/rules";
import type { Scene } from "@/lib/game/types";

/** Starts a throwaway sandbox session placed at this scene and opens it. */
export function PlayFromHere({ scene }: { scene: Scene }) {
  const startGame = useStartGame();
  const busy = startGame.isPending || startGame.isSuccess;
  return (
    <div className="card-actions">
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => startGame.mutate({ kind: "sandbox", state: sandboxState(scene.index) })}
        aria-label={`Play from here: scene ${scene.index}, ${scene.title}`}
        data-testid={`play-from-here-${scene.index}`}
      >
        {busy ? "Starting…" : "Play from here ▶"}
      </button>
      {startGame.isError && (
        <p className="field-error" role="alert">
          {describeError(startGame.error)}
        </p>
      )}
    </div>
  );
}

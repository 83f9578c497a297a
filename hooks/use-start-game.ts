"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { GameState } from "@/lib/game/types";
import { api, type SavedGame } from "./api-client";
import { gameKeys } from "./query-keys";
import { newSessionId } from "./session-id";

type StartGame = { kind: "shard" | "sandbox"; state: GameState };

/** Saves a fresh state under a new session id, then opens it in /play. */
export function useStartGame() {
  const router = useRouter();
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: async ({ kind, state }: StartGame) => {
      const sessionId = newSessionId(kind);
      // expected_version 0: a fresh id must never overwrite a save that happens to exist.
      const { version } = await api.save(sessionId, state, 0);
      return { session_id: sessionId, state, version, updated_at: new Date().toISOString() } satisfies SavedGame;
    },
    onSuccess: (saved) => {
      // Seed the cache so the play screen renders without a loading flash.
      queryClient.setQueryData(gameKeys.detail(saved.session_id), saved);
      router.push(`/play/${saved.session_id}`);
    },
  });
}

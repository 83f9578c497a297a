"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { GameState } from "@/lib/game/types";
import { api, conflictCurrent, type SavedGame } from "./api-client";
import { gameKeys, saveScope } from "./query-keys";

type SaveContext = { previous?: SavedGame };

/**
 * Saves a new game state optimistically: the cache (and so the screen) shows `state` at once,
 * a failure rolls it back, and a version conflict adopts the server's copy instead.
 * Saves of one session are queued, so each sends the version the one before it received.
 */
export function useSaveGame(sessionId: string) {
  const queryClient = useQueryClient();
  const key = gameKeys.detail(sessionId);

  return useMutation<Awaited<ReturnType<typeof api.save>>, Error, GameState, SaveContext>({
    mutationKey: ["save", sessionId],
    scope: { id: saveScope(sessionId) },
    // Read at send time, not at click time: an earlier queued save may have bumped the version.
    mutationFn: (state) => api.save(sessionId, state, queryClient.getQueryData<SavedGame>(key)?.version),
    onMutate: async (state) => {
      // Update the cache before the first await: mutate() then applies it synchronously, so a move
      // made right after this one already builds on `state`.
      const previous = queryClient.getQueryData<SavedGame>(key);
      if (previous) queryClient.setQueryData<SavedGame>(key, { ...previous, state });
      // A load still in flight must not land on top of the optimistic state.
      await queryClient.cancelQueries({ queryKey: key, exact: true }, { revert: false });
      return { previous };
    },
    onError: (error, _state, context) => {
      const current = conflictCurrent(error);
      if (current) {
        queryClient.setQueryData<SavedGame>(key, { ...current, updated_at: new Date().toISOString() });
      } else if (context?.previous) {
        queryClient.setQueryData<SavedGame>(key, context.previous);
      }
    },
    onSuccess: (result) => {
      // Keep the cached state: it may already hold a newer optimistic step queued behind this save.
      queryClient.setQueryData<SavedGame>(key, (old) =>
        old ? { ...old, version: result.version, updated_at: new Date().toISOString() } : old,
      );
      void queryClient.invalidateQueries({ queryKey: gameKeys.history(sessionId), exact: true });
    },
  });
}

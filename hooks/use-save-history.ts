"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type SavedGame } from "./api-client";
import { gameKeys, saveScope } from "./query-keys";

/** The newest-first snapshots of a session; fetched only while `enabled` (e.g. the panel is open). */
export function useSaveHistory(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: gameKeys.history(sessionId),
    queryFn: ({ signal }) => api.history(sessionId, signal),
    enabled,
    staleTime: 0,
  });
}

/** Rewinds to a snapshot; the restored state (with its new version) replaces the cached game. */
export function useRestoreSnapshot(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation<SavedGame, Error, string>({
    mutationKey: ["restore", sessionId],
    // Same queue as saves: a rewind never interleaves with a save in flight.
    scope: { id: saveScope(sessionId) },
    mutationFn: (snapshotId) => api.restore(sessionId, snapshotId),
    onSuccess: (restored) => {
      queryClient.setQueryData(gameKeys.detail(sessionId), restored);
      void queryClient.invalidateQueries({ queryKey: gameKeys.history(sessionId), exact: true });
    },
  });
}

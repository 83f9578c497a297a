"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";
import { gameKeys } from "./query-keys";

/** The saved game of one session, as the load API returns it ({ state, version, ... }). */
export function useGameState(sessionId: string) {
  return useQuery({
    queryKey: gameKeys.detail(sessionId),
    queryFn: ({ signal }) => api.load(sessionId, signal),
  });
}

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SavedGame } from "@/hooks/api-client";
import { gameKeys } from "@/hooks/query-keys";
import { useSaveGame } from "@/hooks/use-save-game";
import { applyChoice, chooseSymbol, RuleError } from "@/lib/game/rules";
import type { GameState } from "@/lib/game/types";

/**
 * Player moves: run the pure rule on the freshest cached state, then save the result optimistically.
 * Reading the cache (not the last render) keeps two quick key presses from both building on one state.
 */
export function useGameActions(sessionId: string) {
  const queryClient = useQueryClient();
  const save = useSaveGame(sessionId);
  const [ruleError, setRuleError] = useState<string | null>(null);

  function play(move: (state: GameState) => GameState) {
    const current = queryClient.getQueryData<SavedGame>(gameKeys.detail(sessionId))?.state;
    if (!current) return;
    try {
      const next = move(current);
      setRuleError(null);
      save.mutate(next);
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      setRuleError(error.message);
    }
  }

  return {
    choose: (choiceId: string) => play((state) => applyChoice(state, choiceId)),
    pickSymbol: (symbol: string) => play((state) => chooseSymbol(state, symbol)),
    retrySave: () => save.variables && save.mutate(save.variables),
    save,
    ruleError,
  };
}

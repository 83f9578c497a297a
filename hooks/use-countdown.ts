"use client";

import { useEffect, useState } from "react";

const TICK_MS = 1000;

/**
 * Seconds left of a wait that starts whenever `seconds` changes (e.g. a Retry-After of 42),
 * ticking down to 0. Pass null/undefined between waits so the same number starts a new one.
 */
export function useCountdown(seconds: number | null | undefined): number {
  const start = Math.max(0, Math.ceil(seconds ?? 0));
  const [remaining, setRemaining] = useState(start);
  const [startedFrom, setStartedFrom] = useState(seconds);
  // Restart during render rather than in an effect, so the first frame already shows the new wait.
  if (seconds !== startedFrom) {
    setStartedFrom(seconds);
    setRemaining(start);
  }

  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setTimeout(() => setRemaining((left) => left - 1), TICK_MS);
    return () => clearTimeout(timer);
  }, [remaining]);

  return remaining;
}

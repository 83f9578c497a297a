// The sliding window both stores count with (@upstash/ratelimit's single-region algorithm, and the
// memory backend's copy of it): a request passes while
//   floor((1 - elapsed / window) * previous) + current < limit
// where `previous` and `current` are the counts of the last and the running fixed window.

export type WindowCounts = { limit: number; windowMs: number; now: number; previous: number; current: number };

/**
 * Milliseconds from `now` until one more request would pass, assuming nothing else is counted
 * meanwhile. Often sooner than the window's end (the previous window's weight decays), and never
 * exactly at it: at the boundary a full window still weighs in whole.
 */
export function slidingWindowWait({ limit, windowMs, now, previous, current }: WindowCounts): number {
  const windowStart = now - (now % windowMs);
  // In this window: floor(x) < n ⇔ x < n for whole n, so we need
  // elapsed > window × (previous − (limit − current)) / previous. Kept in integers until the division.
  if (current < limit && previous > 0) {
    const passesAt = windowStart + Math.floor((windowMs * (previous - (limit - current))) / previous) + 1;
    if (passesAt < windowStart + windowMs) return Math.max(1, passesAt - now);
  }
  // In the next window this one's count becomes `previous` and nothing is current yet.
  const nextStart = windowStart + windowMs;
  const passesAt = current < limit ? nextStart : nextStart + Math.floor((windowMs * (current - limit)) / current) + 1;
  return Math.max(1, passesAt - now);
}

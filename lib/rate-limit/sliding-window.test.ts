import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { slidingWindowWait } from "./sliding-window";

/** The algorithm itself, as the stores run it. */
const passes = ({ limit, windowMs, at, previous, current }: { limit: number; windowMs: number; at: number; previous: number; current: number }) =>
  Math.floor((1 - (at % windowMs) / windowMs) * previous) + current < limit;

describe("slidingWindowWait", () => {
  test("a full current window waits until just past the boundary", () => {
    // At the boundary itself the full window still weighs in whole: floor(1 × 10) = 10 is not < 10.
    expect(slidingWindowWait({ limit: 10, windowMs: 60_000, now: 60_000 * 5 + 59_000, previous: 0, current: 10 })).toBe(1001);
  });

  test("a full previous window decays: the wait ends within the current window", () => {
    // 10 of 10 last minute, none yet in this one, 1 s in: floor(59/60 × 10) = 9 < 10 passes already.
    expect(slidingWindowWait({ limit: 10, windowMs: 60_000, now: 60_000 * 5 + 1000, previous: 10, current: 0 })).toBe(1);
    // 20 last minute, limit 10: needs (1 − t/60 s) × 20 < 10, so t > 30 s.
    expect(slidingWindowWait({ limit: 10, windowMs: 60_000, now: 60_000 * 5 + 1000, previous: 20, current: 0 })).toBe(29_001);
  });

  test("after waiting the answer the next request passes, and not much earlier (any counts)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (limit, windowSeconds, now, previous, currentRaw) => {
          const windowMs = windowSeconds * 1000;
          const current = Math.min(currentRaw, limit); // refused requests are not counted
          if (passes({ limit, windowMs, at: now, previous, current })) return;
          const wait = slidingWindowWait({ limit, windowMs, now, previous, current });
          const at = now + wait;
          // Counts as the stores see them at a later time: each window boundary moves them along.
          const countsAt = (time: number) => {
            const windowsLater = Math.floor(time / windowMs) - Math.floor(now / windowMs);
            return windowsLater === 0 ? { previous, current } : windowsLater === 1 ? { previous: current, current: 0 } : { previous: 0, current: 0 };
          };
          expect(passes({ limit, windowMs, at, ...countsAt(at) })).toBe(true);
          // Tight to within a millisecond (the stores' float arithmetic may round the boundary either way).
          if (wait > 2) expect(passes({ limit, windowMs, at: at - 2, ...countsAt(at - 2) })).toBe(false);
        },
      ),
    );
  });
});

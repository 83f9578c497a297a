import type { Weather } from "@/lib/game/types";
import type { Rng } from "./rng";
import { ART_HEIGHT, ART_WIDTH, type Rect } from "./shapes";

/** Falling or rising particles, drawn twice one screen apart so the loop is seamless. */
export type Particles = { rects: Rect[]; direction: "fall" | "rise"; seconds: number };

function scatter(rng: Rng, count: number, shape: (x: number, y: number) => Rect[]): Rect[] {
  const rects: Rect[] = [];
  for (let i = 0; i < count; i++) rects.push(...shape(rng.int(0, ART_WIDTH - 1), rng.int(0, ART_HEIGHT - 1)));
  return rects;
}

const streak = (x: number, y: number): Rect[] => [
  [x, y, 1, 3],
  [x - 1, y + 3, 1, 2],
];

export function particles(rng: Rng, weather: Weather): Particles | null {
  switch (weather) {
    case "rain":
      return { rects: scatter(rng, 60, streak), direction: "fall", seconds: 0.7 };
    case "storm":
      return { rects: scatter(rng, 95, streak), direction: "fall", seconds: 0.45 };
    case "snow":
      return {
        rects: scatter(rng, 70, (x, y) => (rng.chance(0.2) ? [[x, y, 2, 2]] : [[x, y, 1, 1]])),
        direction: "fall",
        seconds: 9,
      };
    case "embers":
      return {
        rects: scatter(rng, 40, (x, y) => (rng.chance(0.25) ? [[x, y, 1, 2]] : [[x, y, 1, 1]])),
        direction: "rise",
        seconds: 6,
      };
    default:
      return null;
  }
}

/** A forked zigzag bolt from the cloud deck. */
export function lightningBolt(rng: Rng): Rect[] {
  const rects: Rect[] = [];
  let x = rng.int(24, ART_WIDTH - 24);
  let y = 12;
  while (y < 58) {
    const run = rng.int(3, 6);
    rects.push([x, y, 1, run]);
    y += run;
    const step = rng.chance(0.5) ? -1 : 1;
    rects.push([x + step, y, 1, 1]);
    x += step * 2;
    if (rng.chance(0.2)) rects.push([x + step * 2, y + 1, 1, 3], [x + step * 3, y + 4, 1, 2]);
  }
  return rects;
}

/** Ragged horizontal bands of mist at the given heights. */
export function fogBands(rng: Rng, rows: number[]): Rect[] {
  const rects: Rect[] = [];
  for (const row of rows) {
    for (let x = -rng.int(0, 20); x < ART_WIDTH; x += rng.int(30, 50)) {
      const width = rng.int(34, 60);
      rects.push([x, row, width, 3], [x + 4, row - 1, width - 10, 1], [x + 6, row + 3, width - 14, 2]);
    }
  }
  return rects;
}

/** Sparkle lines on open water, and the sun's or moon's broken reflection below it. */
export function waterShimmer(rng: Rng, waterline: number, reflectX: number): { shimmer: Rect[]; reflection: Rect[] } {
  const shimmer: Rect[] = [];
  for (let i = 0; i < 26; i++) shimmer.push([rng.int(0, ART_WIDTH - 8), rng.int(waterline + 2, ART_HEIGHT - 2), rng.int(3, 9), 1]);
  const reflection: Rect[] = [];
  for (let y = waterline + 1, i = 0; y < ART_HEIGHT; y += 2, i++) {
    const half = Math.max(1, 6 - Math.floor(i / 3)) + rng.int(-1, 1);
    reflection.push([reflectX - half + rng.int(-1, 1), y, half * 2, 1]);
  }
  return { shimmer, reflection };
}

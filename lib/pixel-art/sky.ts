import type { TimeOfDay, Weather } from "@/lib/game/types";
import type { Rng } from "./rng";
import { ART_HEIGHT, ART_WIDTH, cloud, crescent, disc, type Rect } from "./shapes";

/** Where each sky band starts; bands thin out toward the horizon like a real gradient. */
const BAND_TOPS = [0, 14, 26, 36, 45, 53, 60, 66];

export type SkyBand = { top: number; height: number };

export function skyBands(): SkyBand[] {
  return BAND_TOPS.map((top, i) => ({ top, height: (BAND_TOPS[i + 1] ?? ART_HEIGHT) - top }));
}

const OVERCAST: Weather[] = ["rain", "storm", "fog"];

function isOvercast(weather: Weather) {
  return OVERCAST.includes(weather);
}

const STAR_COUNT: Record<TimeOfDay, number> = { night: 46, dawn: 10, dusk: 8, day: 0 };

/** Single pixels plus a few bright four-point stars; upper sky only. */
export function stars(rng: Rng, time: TimeOfDay, weather: Weather): { dim: Rect[]; bright: Rect[] } {
  const count = weather === "fog" ? 6 : isOvercast(weather) ? 0 : STAR_COUNT[time];
  const maxY = time === "night" ? 52 : 24;
  const dim: Rect[] = [];
  const bright: Rect[] = [];
  for (let i = 0; i < count; i++) {
    const x = rng.int(1, ART_WIDTH - 2);
    const y = rng.int(1, maxY);
    if (i % 9 === 0) bright.push([x, y - 1, 1, 3], [x - 1, y, 3, 1]);
    else dim.push([x, y, 1, 1]);
  }
  return { dim, bright };
}

export type Celestial = { body: Rect[]; glow: Rect[]; x: number; y: number };

/** Sun low in the east at dawn, high at noon, sinking in the west at dusk; a crescent moon at night. */
export function celestial(rng: Rng, time: TimeOfDay): Celestial {
  const jitter = rng.int(-10, 10);
  switch (time) {
    case "dawn":
      return { x: 34 + jitter, y: 56, body: disc(34 + jitter, 56, 7), glow: disc(34 + jitter, 56, 12) };
    case "day":
      return { x: 118 + jitter, y: 16, body: disc(118 + jitter, 16, 6), glow: disc(118 + jitter, 16, 9) };
    case "dusk":
      return { x: 126 + jitter, y: 55, body: disc(126 + jitter, 55, 8), glow: disc(126 + jitter, 55, 14) };
    case "night":
      return { x: 122 + jitter, y: 17, body: crescent(122 + jitter, 17, 6, 4), glow: disc(122 + jitter, 17, 9) };
  }
}

/** Fair-weather puffs, or a heavy ragged deck when it rains. */
export function clouds(rng: Rng, weather: Weather): Rect[] {
  if (weather === "rain" || weather === "storm") {
    const deck: Rect[] = [[0, 0, ART_WIDTH, 10]];
    for (let x = 0; x < ART_WIDTH; x += rng.int(6, 14)) deck.push([x, 10, rng.int(8, 18), rng.int(2, 7)]);
    return deck;
  }
  if (weather === "fog") return [];
  const puffs: Rect[] = [];
  const count = rng.int(2, 3);
  for (let i = 0; i < count; i++) {
    const x = Math.round((i * ART_WIDTH) / count) + rng.int(0, 24);
    puffs.push(...cloud(x, rng.int(10, 34), rng.int(14, 26)));
  }
  return puffs;
}

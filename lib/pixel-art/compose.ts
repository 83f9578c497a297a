import type { Scene, Weather } from "@/lib/game/types";
import { paintLandscape } from "./landscapes";
import { mix, paletteFor } from "./palette";
import { createRng, hashString } from "./rng";
import { ART_HEIGHT, ART_WIDTH, capsAbove, skylineEdge, type Rect } from "./shapes";
import { celestial, clouds, skyBands, stars, type SkyBand } from "./sky";
import { fogBands, lightningBolt, particles, waterShimmer } from "./weather";

export type ArtSetting = Pick<Scene, "location" | "time_of_day" | "weather">;

export type Motion = { kind: "fall" | "rise"; seconds: number } | { kind: "bolt" } | { kind: "flash" };

/** One colour's worth of pixels, painted in list order (back to front). */
export type ArtLayer = { fill: string; rects: Rect[]; opacity?: number; motion?: Motion };

export type ArtPlan = { sky: (SkyBand & { colour: string })[]; layers: ArtLayer[] };

const PARTICLE_LOOK: Partial<Record<Weather, { fill: string; opacity: number }>> = {
  rain: { fill: "#b7ccff", opacity: 0.55 },
  storm: { fill: "#c7d6ff", opacity: 0.6 },
  snow: { fill: "#ffffff", opacity: 0.9 },
  embers: { fill: "#ffb347", opacity: 0.95 },
};

const FRAME: Rect[] = [
  [0, 0, ART_WIDTH, 2],
  [0, ART_HEIGHT - 2, ART_WIDTH, 2],
  [0, 2, 2, ART_HEIGHT - 4],
  [ART_WIDTH - 2, 2, 2, ART_HEIGHT - 4],
];

/** Turns a scene's place, hour and weather into paint layers. Pure and deterministic. */
export function composeArt({ location, time_of_day: time, weather }: ArtSetting): ArtPlan {
  const land = paintLandscape(location);
  const palette = paletteFor(time, weather, land.enclosed);
  const rng = createRng(hashString(`${location}|${time}|${weather}`));
  const wet = weather === "rain" || weather === "storm";
  const fog = weather === "fog";
  const layers: ArtLayer[] = [];
  const add = (fill: string, rects: Rect[], extra: Omit<ArtLayer, "fill" | "rects"> = {}) => {
    if (rects.length > 0) layers.push({ fill, rects, ...extra });
  };

  const sun = celestial(rng, time);
  const open = !land.enclosed;
  if (open) {
    const starField = stars(rng, time, weather);
    add("#ffffff", starField.dim, { opacity: 0.55 });
    add("#fff8e0", starField.bright, { opacity: 0.95 });
  }
  if (open && !wet) {
    add(palette.celestialGlow, sun.glow, { opacity: (time === "day" ? 0.25 : time === "night" ? 0.18 : 0.35) * (fog ? 0.5 : 1) });
    add(palette.celestial, sun.body, { opacity: fog ? 0.6 : 1 });
  }
  const cloudFill = wet ? mix(palette.sky[0] ?? "#000000", "#000000", 0.25) : mix(palette.sky[5] ?? "#ffffff", "#ffffff", time === "night" ? 0.1 : 0.55);
  if (open) add(cloudFill, clouds(rng, weather), { opacity: wet ? 0.95 : time === "night" ? 0.45 : 0.8 });

  add(palette.far, land.far);
  if (land.waterline !== undefined) {
    const { shimmer, reflection } = waterShimmer(rng, land.waterline, sun.x);
    add(palette.water, [[0, land.waterline, ART_WIDTH, ART_HEIGHT - land.waterline]]);
    add(mix(palette.water, "#ffffff", 0.3), shimmer, { opacity: 0.6 });
    if (open && !wet) add(palette.celestial, reflection, { opacity: 0.55 });
  }

  add(palette.mid, land.mid);
  if (land.snowyPeaks) add(palette.snow, capsAbove(land.midTop, weather === "snow" ? 46 : 36), { opacity: 0.9 });
  if (weather === "snow") add(palette.snow, skylineEdge(land.midTop, 2), { opacity: 0.9 });
  add("#05040b", land.dark);
  add(palette.mid, land.overDark);
  add(palette.light, land.lights);
  add("#5ff2ff", land.crystals.map(([x, y, w, h]) => [x - 1, y - 1, w + 2, h + 2] as const), { opacity: 0.25 });
  add("#9af7ff", land.crystals);
  if (!wet) add(mix(palette.sky[6] ?? "#ffffff", "#ffffff", 0.35), land.smoke, { opacity: 0.55 });
  if (fog) add(mix(palette.sky[7] ?? "#ffffff", "#ffffff", 0.45), fogBands(rng, [50, 64]), { opacity: 0.3 });

  add(palette.near, land.near);
  if (weather === "snow") add(palette.snow, skylineEdge(land.nearTop, 1), { opacity: 0.85 });
  if (fog) add(mix(palette.sky[7] ?? "#ffffff", "#ffffff", 0.5), fogBands(rng, [82]), { opacity: 0.22 });
  if (weather === "embers") add("#ff6a2a", skylineEdge(land.nearTop, 1), { opacity: 0.7 });

  const drift = particles(rng, weather);
  const look = PARTICLE_LOOK[weather];
  if (drift && look) add(look.fill, drift.rects, { opacity: look.opacity, motion: { kind: drift.direction, seconds: drift.seconds } });
  if (weather === "storm") {
    add("#fff6c8", lightningBolt(rng), { motion: { kind: "bolt" } });
    add("#e8ecff", [[0, 0, ART_WIDTH, ART_HEIGHT]], { opacity: 0.3, motion: { kind: "flash" } });
  }

  add("#000000", FRAME, { opacity: 0.35 });

  const sky = skyBands().map((band, i) => ({ ...band, colour: palette.sky[i] ?? palette.sky.at(-1) ?? "#000000" }));
  return { sky, layers };
}

const WEATHER_PHRASE: Record<Weather, string> = {
  clear: "under clear skies",
  fog: "wrapped in fog",
  rain: "in the rain",
  storm: "in a thunderstorm",
  snow: "in falling snow",
  embers: "with embers drifting on the air",
};

/** What the picture shows, for screen readers. */
export function describeArt({ location, time_of_day, weather }: ArtSetting): string {
  return `Pixel-art backdrop: ${location} at ${time_of_day}, ${WEATHER_PHRASE[weather]}.`;
}

import type { TimeOfDay, Weather } from "@/lib/game/types";

export type Palette = {
  /** sky bands from zenith to horizon */
  sky: string[];
  celestial: string;
  celestialGlow: string;
  far: string;
  mid: string;
  near: string;
  /** windows, torches, lighthouse lamps */
  light: string;
  water: string;
  snow: string;
};

const BASE: Record<TimeOfDay, Palette> = {
  dawn: {
    sky: ["#1d1b4f", "#33286a", "#54347e", "#84418a", "#b8528a", "#e06f7c", "#f4966e", "#f9bd78"],
    celestial: "#fff0c2",
    celestialGlow: "#ffc98a",
    far: "#7b4e88",
    mid: "#4a2c64",
    near: "#221536",
    light: "#ffd27a",
    water: "#6b4f93",
    snow: "#f2d7e6",
  },
  day: {
    sky: ["#2456b8", "#2c66c8", "#3677d6", "#438ae0", "#559ee8", "#6cb2ef", "#8cc6f3", "#b4dcf7"],
    celestial: "#fff4b0",
    celestialGlow: "#fffbe0",
    far: "#7f9fca",
    mid: "#42625f",
    near: "#1d3a2d",
    light: "#2a3140",
    water: "#3b7fc4",
    snow: "#f4f8ff",
  },
  dusk: {
    sky: ["#130e30", "#24154a", "#3f1d62", "#662770", "#973472", "#c9496a", "#ec6e56", "#f99c52"],
    celestial: "#ffb060",
    celestialGlow: "#ff7a45",
    far: "#6e2f60",
    mid: "#3a1843",
    near: "#190b21",
    light: "#ffc35a",
    water: "#5a2a63",
    snow: "#e8c8da",
  },
  night: {
    sky: ["#03040c", "#060a1b", "#0a1026", "#0e1631", "#121c3c", "#172448", "#1d2c55", "#243563"],
    celestial: "#eef1ff",
    celestialGlow: "#8fa2ff",
    far: "#1c2652",
    mid: "#10173a",
    near: "#06091a",
    light: "#ffd36b",
    water: "#0f1a3d",
    snow: "#c9d4f2",
  },
};

/** How strongly each weather washes the sky and the land toward its tints. */
const WEATHER_TINT: Partial<Record<Weather, { sky: string; skyWeight: number; land: string; landWeight: number }>> = {
  fog: { sky: "#a7adbf", skyWeight: 0.45, land: "#a7adbf", landWeight: 0.3 },
  // Under rain clouds the land darkens rather than greys, so silhouettes stay readable.
  rain: { sky: "#3e4558", skyWeight: 0.45, land: "#0b0d16", landWeight: 0.25 },
  storm: { sky: "#262a3a", skyWeight: 0.6, land: "#07080f", landWeight: 0.4 },
  snow: { sky: "#c3cadb", skyWeight: 0.35, land: "#c3cadb", landWeight: 0.1 },
  embers: { sky: "#c2351b", skyWeight: 0.3, land: "#2a0d08", landWeight: 0.2 },
};

function parseHex(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Linear blend of two #rrggbb colours; t = 0 gives `a`, 1 gives `b`. */
export function mix(a: string, b: string, t: number): string {
  const ca = parseHex(a);
  const cb = parseHex(b);
  const channel = (i: 0 | 1 | 2) => Math.round(ca[i] + (cb[i] - ca[i]) * t);
  return `#${((1 << 24) | (channel(0) << 16) | (channel(1) << 8) | channel(2)).toString(16).slice(1)}`;
}

/** Underground the "sky" is cavern air; the rock must stay darker than it to read as rock. */
function underground(palette: Palette): Palette {
  const gloom = (colour: string, t: number) => mix(colour, "#05040b", t);
  return { ...palette, sky: palette.sky.map((colour) => gloom(colour, 0.2)), mid: gloom(palette.mid, 0.45), near: gloom(palette.near, 0.3) };
}

export function paletteFor(time: TimeOfDay, weather: Weather, enclosed = false): Palette {
  const base = enclosed ? underground(BASE[time]) : BASE[time];
  const tint = WEATHER_TINT[weather];
  if (!tint) return base;
  // Embers burn from the horizon up; everything else greys the whole sky evenly.
  const skyWeight = (i: number) => (weather === "embers" ? (tint.skyWeight * i) / (base.sky.length - 1) : tint.skyWeight);
  return {
    ...base,
    sky: base.sky.map((colour, i) => mix(colour, tint.sky, skyWeight(i))),
    far: mix(base.far, tint.land, tint.landWeight),
    mid: mix(base.mid, tint.land, tint.landWeight * 0.6),
    celestialGlow: mix(base.celestialGlow, tint.sky, tint.skyWeight),
  };
}

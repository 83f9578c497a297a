import { createRng, hashString, type Rng } from "./rng";
import {
  ART_HEIGHT,
  ART_WIDTH,
  addPeak,
  fillBelow,
  flatHeightmap,
  pine,
  raise,
  rollingHeightmap,
  roof,
  type Heightmap,
  type Rect,
} from "./shapes";

export const THEMES = ["peaks", "forest", "castle", "cave", "cavern", "bridge", "village", "ruins", "coast"] as const;
export type Theme = (typeof THEMES)[number];

// First matching keyword wins; unknown places fall back to a hash of the name.
const THEME_KEYWORDS: [Theme, RegExp][] = [
  ["cavern", /cavern|gallery|hall|crypt|tunnel|depths|undercroft|vault/i],
  ["cave", /cave|mine|grotto|lair|barrow|tomb|pit/i],
  ["bridge", /bridge|gorge|chasm|ravine/i],
  ["coast", /sea|shore|coast|harbou?r|lake|river|bay|beach|dock|port|ferry|marsh|isle|wharf/i],
  ["castle", /castle|keep|tower|citadel|spire|fort|palace|throne|gate|bastion|city|walls/i],
  ["forest", /forest|wood|grove|glade|thicket|jungle|orchard|wilds|briar/i],
  ["village", /village|town|inn|tavern|hamlet|market|farm|square|camp|crossroads/i],
  ["ruins", /ruin|rune|chamber|temple|shrine|altar|sanctum|monastery|abbey|observatory|library|chapel/i],
  ["peaks", /mountain|peak|pass|cliff|summit|ridge|crag|highland|glacier|canyon|heights/i],
];

export function themeFor(location: string): Theme {
  const match = THEME_KEYWORDS.find(([, pattern]) => pattern.test(location));
  return match ? match[0] : (THEMES[hashString(location) % THEMES.length] ?? "peaks");
}

/** Everything a theme paints, grouped by the colour it is filled with. */
export type Landscape = {
  far: Rect[];
  mid: Rect[];
  /** skyline of the mid layer, for snow caps and rim light */
  midTop: Heightmap;
  /** crystals and other cold glows */
  crystals: Rect[];
  /** pure darkness: cave mouths, doorways */
  dark: Rect[];
  /** mid-coloured detail drawn over the darkness (stalactites, portcullis) */
  overDark: Rect[];
  lights: Rect[];
  smoke: Rect[];
  near: Rect[];
  nearTop: Heightmap;
  /** water surface y, when the scene has open water below the horizon */
  waterline?: number;
  /** snow on mid peaks whatever the weather */
  snowyPeaks?: boolean;
  /** underground: no sun, moon, stars or clouds */
  enclosed?: boolean;
};

type Painted = Omit<Landscape, "far" | "near" | "nearTop"> & { far?: Rect[] };
type Painter = (rng: Rng, location: string) => Painted;

function distantRange(rng: Rng, baseY: number): Heightmap {
  const heights = flatHeightmap(90);
  const peaks = rng.int(4, 6);
  for (let i = 0; i < peaks; i++) {
    addPeak(heights, rng.int(-10, ART_WIDTH + 10), rng.int(baseY - 16, baseY - 4), 0.45 + rng.next() * 0.4);
  }
  return heights;
}

function emptyDetails() {
  return { dark: [] as Rect[], overDark: [] as Rect[], lights: [] as Rect[], smoke: [] as Rect[], crystals: [] as Rect[] };
}

/** Union of shapes into one skyline: each rect raises the columns it covers. */
function skylineOf(base: Heightmap, shapes: Rect[]): Heightmap {
  const heights = [...base];
  for (const [x, y, w] of shapes) for (let c = x; c < x + w; c++) raise(heights, c, y);
  return heights;
}

function chimneySmoke(rng: Rng, x: number, topY: number): Rect[] {
  const puffs: Rect[] = [];
  for (let i = 0; i < 4; i++) puffs.push([x + Math.round(i * 0.8) + rng.int(0, 1), topY - 3 - i * 3, 2 + (i >> 1), 2]);
  return puffs;
}

const paintPeaks: Painter = (rng) => {
  const heights = flatHeightmap(90);
  for (let i = 0; i < 3; i++) addPeak(heights, rng.int(20, 140), rng.int(16, 32), 0.75 + rng.next() * 0.5);
  return { ...emptyDetails(), mid: fillBelow(heights), midTop: heights, snowyPeaks: true };
};

const paintForest: Painter = (rng) => {
  const trees: Rect[] = [];
  for (let x = -4; x < ART_WIDTH + 4; x += rng.int(4, 8)) trees.push(...pine(x, 74, rng.int(14, 28)));
  const ground = fillBelow(flatHeightmap(72));
  return { ...emptyDetails(), mid: [...ground, ...trees], midTop: skylineOf(flatHeightmap(72), trees) };
};

const paintCastle: Painter = (rng) => {
  const details = emptyDetails();
  const cx = rng.int(58, 102);
  const hill = rollingHeightmap(66, 2, rng.next() * 6);
  const shapes: Rect[] = [[cx - 38, 56, 76, 14]];
  for (let x = cx - 38; x < cx + 38; x += 3) shapes.push([x, 54, 2, 2]); // wall merlons
  const towers = [
    { x: cx - 7, w: 14, top: rng.int(20, 26) },
    { x: cx - 30, w: 9, top: rng.int(36, 44) },
    { x: cx + 21, w: 9, top: rng.int(34, 44) },
    { x: cx - 44, w: 7, top: rng.int(44, 50) },
    { x: cx + 37, w: 7, top: rng.int(44, 50) },
  ];
  towers.forEach(({ x, w, top }, i) => {
    shapes.push([x, top, w, 70 - top]);
    if (i % 2 === 1) {
      shapes.push(...roof(x - 1, top - 1, w + 2));
    } else {
      for (let m = x; m < x + w; m += 3) shapes.push([m, top - 2, 2, 2]);
    }
    for (let wy = top + 4; wy < 52; wy += 7) details.lights.push([x + Math.floor(w / 2), wy, 1, 2]);
  });
  const keep = towers[0];
  if (keep) {
    shapes.push([keep.x + 6, keep.top - 9, 1, 7]); // flagpole
    details.lights.push([keep.x + 7, keep.top - 9, 4, 2], [keep.x + 7, keep.top - 7, 2, 1]);
  }
  details.dark.push([cx - 4, 62, 8, 8], [cx - 3, 61, 6, 1]);
  for (let x = cx - 3; x < cx + 4; x += 2) details.overDark.push([x, 62, 1, 8]); // portcullis
  return { ...details, mid: [...fillBelow(hill), ...shapes], midTop: skylineOf(hill, shapes) };
};

const paintCave: Painter = (rng) => {
  const details = emptyDetails();
  const cx = rng.int(56, 104);
  const heights = flatHeightmap(90);
  addPeak(heights, cx, rng.int(18, 26), 0.5);
  addPeak(heights, cx + rng.int(-50, -30), rng.int(36, 46), 0.7);
  addPeak(heights, cx + rng.int(30, 50), rng.int(34, 44), 0.7);
  const groundY = 82;
  const halfWidth = rng.int(14, 19);
  const depth = rng.int(22, 28);
  for (let dy = 0; dy <= depth; dy++) {
    const half = Math.round(halfWidth * Math.sqrt(1 - (dy / depth) ** 2));
    details.dark.push([cx - half, groundY - dy, half * 2 + 1, 1]);
  }
  for (let x = cx - halfWidth + 4; x < cx + halfWidth - 3; x += rng.int(3, 5)) {
    const archY = groundY - Math.round(depth * Math.sqrt(Math.max(0, 1 - ((x - cx) / halfWidth) ** 2)));
    details.overDark.push([x, archY, 2, rng.int(2, 3)], [x, archY + 3, 1, rng.int(1, 3)]);
  }
  details.lights.push([cx - 2, groundY - 9, 1, 3], [cx - 3, groundY - 10, 3, 1], [cx + 5, groundY - 7, 1, 2]);
  return { ...details, mid: fillBelow(heights), midTop: heights };
};

const paintVillage: Painter = (rng) => {
  const details = emptyDetails();
  const baseY = 72;
  const shapes: Rect[] = [];
  for (let x = rng.int(2, 10); x < ART_WIDTH - 12; x += rng.int(20, 30)) {
    const w = rng.int(12, 17);
    const wallTop = baseY - rng.int(7, 10);
    shapes.push([x, wallTop, w, baseY - wallTop], ...roof(x - 2, wallTop - 1, w + 4));
    const chimneyX = x + w - 5;
    const chimneyTop = wallTop - 8;
    shapes.push([chimneyX, chimneyTop, 2, 6]);
    details.smoke.push(...chimneySmoke(rng, chimneyX, chimneyTop));
    details.lights.push([x + 2, wallTop + 3, 2, 2]);
    if (w > 13) details.lights.push([x + w - 4, wallTop + 3, 2, 2]);
    details.dark.push([x + Math.floor(w / 2) - 1, baseY - 4, 3, 4]);
  }
  const spireX = rng.int(30, 120);
  shapes.push([spireX, 40, 8, 32], ...roof(spireX - 1, 39, 10));
  details.lights.push([spireX + 3, 46, 2, 3]);
  const ground = flatHeightmap(baseY);
  return { ...details, mid: [...fillBelow(ground), ...shapes], midTop: skylineOf(ground, shapes) };
};

const paintRuins: Painter = (rng) => {
  const details = emptyDetails();
  const mound = rollingHeightmap(70, 2, rng.next() * 6);
  const shapes: Rect[] = [];
  const archX = rng.int(50, 96);
  shapes.push([archX, 36, 5, 36], [archX + 19, 36, 5, 36], [archX - 1, 32, 26, 4], [archX + 2, 30, 10, 2]);
  for (let x = rng.int(4, 12); x < ART_WIDTH - 6; x += rng.int(14, 22)) {
    if (x > archX - 8 && x < archX + 28) continue;
    const top = rng.int(40, 60);
    shapes.push([x, top, 4, 72 - top], [x - 1, top, 6, 2]);
    if (rng.chance(0.6)) shapes.push([x + rng.int(0, 3), top - 2, 1, 2]); // jagged break
    shapes.push([x + 6, 68, rng.int(3, 6), 3]); // fallen block
  }
  details.lights.push([archX + 11, 44, 2, 2]);
  return { ...details, mid: [...fillBelow(mound), ...shapes], midTop: skylineOf(mound, shapes) };
};

const paintCoast: Painter = (rng) => {
  const details = emptyDetails();
  const cliffOnLeft = rng.chance(0.5);
  const heights = flatHeightmap(90);
  const edge = rng.int(40, 56);
  for (let i = 0; i <= edge; i++) {
    const x = cliffOnLeft ? i : ART_WIDTH - 1 - i;
    const fromEdge = edge - i;
    raise(heights, x, 42 + rng.int(0, 1) + Math.max(0, 6 - fromEdge) * 6);
  }
  const towerX = cliffOnLeft ? rng.int(12, edge - 14) : ART_WIDTH - rng.int(14, edge - 12);
  const tower: Rect[] = [[towerX, 26, 6, 16], [towerX - 1, 24, 8, 2], ...roof(towerX, 20, 6)];
  details.lights.push([towerX + 1, 21, 4, 3]);
  for (let wy = 29; wy < 40; wy += 5) details.lights.push([towerX + 2, wy, 2, 2]);
  return { ...details, mid: [...fillBelow(heights), ...tower], midTop: skylineOf(heights, tower), waterline: 62 };
};

/** Two cliffs and a sagging rope bridge over a river far below. */
const paintBridge: Painter = (rng) => {
  const details = emptyDetails();
  const heights = flatHeightmap(90);
  const leftEdge = rng.int(28, 40);
  const rightEdge = ART_WIDTH - rng.int(28, 40);
  const leftTop = rng.int(44, 50);
  const rightTop = rng.int(42, 50);
  for (let x = 0; x < ART_WIDTH; x++) {
    if (x <= leftEdge) raise(heights, x, leftTop + Math.max(0, x - leftEdge + 4) * 4 + (x % 5 === 0 ? 1 : 0));
    if (x >= rightEdge) raise(heights, x, rightTop + Math.max(0, rightEdge + 4 - x) * 4 + (x % 7 === 0 ? 1 : 0));
  }
  const span = rightEdge - leftEdge;
  const bridge: Rect[] = [];
  for (let x = leftEdge; x <= rightEdge; x++) {
    const t = (x - leftEdge) / span;
    const deck = Math.round(leftTop + (rightTop - leftTop) * t + 10 * Math.sin(Math.PI * t)) - 1;
    bridge.push([x, deck, 1, 1]); // planks
    bridge.push([x, deck - 4 + Math.round(Math.sin(Math.PI * t)), 1, 1]); // hand rope
    if ((x - leftEdge) % 5 === 0) bridge.push([x, deck - 3, 1, 3]);
  }
  bridge.push([leftEdge - 1, leftTop - 7, 2, 7], [rightEdge, rightTop - 7, 2, 7]);
  return { ...details, mid: [...fillBelow(heights), ...bridge], midTop: heights, waterline: 80 };
};

/** Inside the mountain: a ceiling of stalactites, rock columns, a floor of stalagmites and crystals. */
const paintCavern: Painter = (rng, location) => {
  const details = emptyDetails();
  const flooded = /flood|water|pool|lake|mere/i.test(location);
  const phase = rng.next() * 6;
  const ceiling: Rect[] = [];
  for (let x = 0; x < ART_WIDTH; x++) {
    const walls = Math.max(0, 26 - x) * 1.4 + Math.max(0, x - 134) * 1.4;
    ceiling.push([x, 0, 1, Math.round(12 + 5 * Math.sin(x / 11 + phase) + walls)]);
  }
  for (let x = rng.int(4, 10); x < ART_WIDTH; x += rng.int(7, 13)) {
    const tip = ceiling[x]?.[3] ?? 12;
    for (let row = 0, half = rng.int(2, 3); half >= 0; row += 2, half--) ceiling.push([x - half, tip + row, half * 2 + 1, 2]);
  }
  const floorTop = rollingHeightmap(flooded ? 84 : 74, 2, phase);
  const floor = fillBelow(floorTop);
  for (let x = rng.int(6, 14); x < ART_WIDTH; x += rng.int(12, 22)) floor.push(...roof(x, (floorTop[x + 3] ?? 74) - 1, 7));
  for (let cluster = 0; cluster < 3; cluster++) {
    const cx = rng.int(12, ART_WIDTH - 12);
    const base = flooded ? 73 : (floorTop[cx] ?? 74) - 1;
    for (let i = 0; i < 3; i++) {
      const x = cx + i * 3 - 3;
      const h = rng.int(4, 8);
      details.crystals.push([x, base - h, 1, h], [x - 1, base - h + 2, 3, h - 3]);
    }
  }
  const far: Rect[] = [];
  for (let x = rng.int(10, 30); x < ART_WIDTH - 10; x += rng.int(26, 40)) far.push([x, 0, rng.int(6, 12), ART_HEIGHT]);
  return { ...details, far, mid: [...ceiling, ...floor], midTop: floorTop, enclosed: true, waterline: flooded ? 72 : undefined };
};

const PAINTERS: Record<Theme, Painter> = {
  peaks: paintPeaks,
  forest: paintForest,
  castle: paintCastle,
  cave: paintCave,
  cavern: paintCavern,
  bridge: paintBridge,
  village: paintVillage,
  ruins: paintRuins,
  coast: paintCoast,
};

export function paintLandscape(location: string): Landscape {
  const rng = createRng(hashString(location));
  const theme = themeFor(location);
  const painted = PAINTERS[theme](rng, location);
  const far = painted.far ?? fillBelow(distantRange(rng, painted.waterline ?? 54));
  const nearTop = rollingHeightmap(painted.waterline ? 88 : 83, 1.5, rng.next() * 6);
  const near = fillBelow(nearTop);
  // Grass tufts and pebbles break up the foreground edge.
  for (let x = rng.int(0, 6); x < ART_WIDTH; x += rng.int(5, 11)) {
    const top = nearTop[x] ?? 83;
    near.push([x, top - 2, 1, 2], [x + 2, top - 1, 1, 1]);
  }
  return { ...painted, far, near, nearTop };
}

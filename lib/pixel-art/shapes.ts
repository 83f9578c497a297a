// Pixel geometry on the 160×90 art grid. Everything is built from axis-aligned rects
// and emitted as one SVG path per colour, which keeps the DOM small and edges crisp.

export const ART_WIDTH = 160;
export const ART_HEIGHT = 90;

/** [x, y, width, height] in art pixels */
export type Rect = readonly [number, number, number, number];

export function toPath(rects: readonly Rect[]): string {
  return rects.map(([x, y, w, h]) => `M${x} ${y}h${w}v${h}h${-w}z`).join("");
}

/** A skyline given as the top y of every column, filled down to the bottom edge. */
export type Heightmap = number[];

export function flatHeightmap(y: number): Heightmap {
  return Array.from({ length: ART_WIDTH }, () => y);
}

/** Merges equal neighbouring columns into single rects. */
export function fillBelow(heights: Heightmap, bottom = ART_HEIGHT): Rect[] {
  const rects: Rect[] = [];
  let start = 0;
  for (let x = 1; x <= heights.length; x++) {
    const top = heights[start] ?? bottom;
    if (x === heights.length || heights[x] !== top) {
      if (top < bottom) rects.push([start, top, x - start, bottom - top]);
      start = x;
    }
  }
  return rects;
}

/** The top `depth` pixels of a skyline above `belowY` (snow caps, lit edges). */
export function skylineEdge(heights: Heightmap, depth: number, belowY = ART_HEIGHT): Rect[] {
  return fillBelow(heights.map((y) => (y < belowY ? y : ART_HEIGHT))).map(([x, y, w]) => [x, y, w, depth] as const);
}

/** Fills each column from the skyline down to a ragged line (snow caps on peaks). */
export function capsAbove(heights: Heightmap, line: number): Rect[] {
  const rects: Rect[] = [];
  heights.forEach((top, x) => {
    const bottom = line + Math.round(1.5 * Math.sin(x * 0.9) + Math.sin(x * 0.37));
    if (top < bottom) rects.push([x, top, 1, bottom - top]);
  });
  return rects;
}

/** Keeps the higher (smaller y) of the skyline and a shape's column tops. */
export function raise(heights: Heightmap, x: number, top: number) {
  if (x >= 0 && x < heights.length && top < (heights[x] ?? ART_HEIGHT)) heights[x] = top;
}

/** Stair-stepped peak: one pixel row per `1/slope` columns. */
export function addPeak(heights: Heightmap, peakX: number, peakY: number, slope: number) {
  for (let x = 0; x < heights.length; x++) raise(heights, x, peakY + Math.floor(Math.abs(x - peakX) * slope));
}

/** Rolling ground from two sine waves. */
export function rollingHeightmap(base: number, amplitude: number, phase: number): Heightmap {
  return Array.from({ length: ART_WIDTH }, (_, x) =>
    Math.round(base + amplitude * Math.sin(x / 17 + phase) + (amplitude / 2) * Math.sin(x / 7 + phase * 3)),
  );
}

/** Filled pixel disc: one rect per row. */
export function disc(cx: number, cy: number, radius: number): Rect[] {
  const rects: Rect[] = [];
  for (let dy = -radius; dy <= radius; dy++) {
    const half = Math.round(Math.sqrt(radius * radius - dy * dy));
    rects.push([cx - half, cy + dy, half * 2 + 1, 1]);
  }
  return rects;
}

/** A crescent: the disc minus a copy shifted right by `bite`. */
export function crescent(cx: number, cy: number, radius: number, bite: number): Rect[] {
  const rects: Rect[] = [];
  for (let dy = -radius; dy <= radius; dy++) {
    const half = Math.round(Math.sqrt(radius * radius - dy * dy));
    const left = cx - half;
    const cut = Math.min(cx + half + 1, cx + bite - half);
    if (cut > left) rects.push([left, cy + dy, cut - left, 1]);
  }
  return rects;
}

/** Triangle rising from a base row: width shrinks by 2 per row (roofs, spires). */
export function roof(x: number, baseY: number, width: number): Rect[] {
  const rects: Rect[] = [];
  for (let row = 0; width - row * 2 > 0; row++) rects.push([x + row, baseY - row, width - row * 2, 1]);
  return rects;
}

/** Layered pine: tiers widen downwards, each tier starting a little narrower. */
export function pine(x: number, baseY: number, height: number): Rect[] {
  const tier = Math.max(3, Math.floor(height / 3));
  const rects: Rect[] = [[x, baseY - 2, 1, 2]];
  const top = baseY - height;
  for (let row = 0; row < height - 2; row++) {
    const half = Math.floor((row % tier) * 0.7) + Math.floor(row / tier);
    rects.push([x - half, top + row, half * 2 + 1, 1]);
  }
  return rects;
}

/** Cloud: a few overlapping slabs. */
export function cloud(x: number, y: number, width: number): Rect[] {
  const w = Math.max(8, width);
  return [
    [x + Math.floor(w * 0.25), y - 3, Math.floor(w * 0.35), 3],
    [x + Math.floor(w * 0.5), y - 2, Math.floor(w * 0.3), 2],
    [x + 2, y, w - 4, 2],
    [x, y + 2, w, 2],
  ];
}

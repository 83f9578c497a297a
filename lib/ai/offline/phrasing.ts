// A small seeded grammar for the offline provider: the same seed always picks the same words, and
// different seeds spread over the alternatives. Templates use "[a|b|c]" for alternatives (nestable)
// and "{slot}" for values filled in afterwards (inserted as given, never expanded again, so the
// player's own words cannot inject grammar).

/** FNV-1a, 32 bits: a stable hash of text, the seed of a reply. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast, and good enough to choose words. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Phrasing = {
  /** One of the options. */
  pick<T>(options: readonly T[]): T;
  /** True with the given probability (0..1). */
  chance(probability: number): boolean;
  /** A whole number from min to max, both included. */
  between(range: { min: number; max: number }): number;
  /** Expands "[a|b]" alternatives, then fills "{slot}"s (a list value has one item picked). */
  fill(template: string, slots?: Readonly<Record<string, string | readonly string[]>>): string;
};

const INNERMOST_ALTERNATIVES = /\[([^[\]]*)\]/;

export function createPhrasing({ seed }: { seed: number }): Phrasing {
  const random = randomFrom(seed);
  const pick = <T>(options: readonly T[]): T => {
    if (!options.length) throw new Error("pick needs at least one option");
    return options[Math.floor(random() * options.length)]!;
  };

  return {
    pick,
    chance: (probability) => random() < probability,
    between: ({ min, max }) => min + Math.floor(random() * (max - min + 1)),
    fill(template, slots = {}) {
      let text = template;
      for (let match = INNERMOST_ALTERNATIVES.exec(text); match; match = INNERMOST_ALTERNATIVES.exec(text)) {
        text = text.slice(0, match.index) + pick(match[1]!.split("|")) + text.slice(match.index + match[0].length);
      }
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = slots[name];
        if (value === undefined) return whole;
        return typeof value === "string" ? value : pick(value);
      });
    },
  };
}

/** Capitalizes the first letter and tidies the spaces and punctuation templates leave behind. */
export function tidySentence(text: string): string {
  const tidy = text
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/([.!?])\1+/g, "$1")
    .trim();
  return tidy.charAt(0).toUpperCase() + tidy.slice(1);
}

/** Text one sentence at a time, never splitting inside a quotation. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '"') inQuote = !inQuote;
    const closesQuote = char === '"' && !inQuote && /[.!?]/.test(text[i - 1] ?? "");
    const endsSentence = (/[.!?]/.test(char) && !inQuote && text[i + 1] !== '"') || closesQuote;
    if (endsSentence && (i + 1 === text.length || text[i + 1] === " ")) {
      sentences.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) sentences.push(text.slice(start).trim());
  return sentences;
}

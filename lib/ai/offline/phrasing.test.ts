import { describe, expect, test } from "vitest";
import { createPhrasing, hashText, splitSentences, tidySentence } from "./phrasing";

describe("hashText", () => {
  test("is stable and spreads nearby texts apart", () => {
    expect(hashText("search the altar")).toBe(hashText("search the altar"));
    expect(hashText("search the altar")).not.toBe(hashText("search the altars"));
    expect(hashText("")).toBe(0x811c9dc5);
  });
});

describe("createPhrasing", () => {
  const template = "[Nim|Bram|Tova] [crouches by|leans over] the {object}, [slow [and careful|but sure]|quick].";

  test("the same seed fills a template the same way; other seeds vary it", () => {
    const fill = (seed: number) => createPhrasing({ seed }).fill(template, { object: "altar" });
    expect(fill(7)).toBe(fill(7));
    const variants = new Set(Array.from({ length: 50 }, (_, seed) => fill(seed)));
    expect(variants.size).toBeGreaterThan(10);
    for (const variant of variants) expect(variant).toMatch(/^(Nim|Bram|Tova) (crouches by|leans over) the altar, (slow (and careful|but sure)|quick)\.$/);
  });

  test("inserts slot values as given: a player's brackets are not grammar", () => {
    const filled = createPhrasing({ seed: 1 }).fill("{actor} looks at the {object}.", { actor: "Nim", object: "[a|b] {actor}" });
    expect(filled).toBe("Nim looks at the [a|b] {actor}.");
  });

  test("a list slot has one item picked; an unknown slot is left visible", () => {
    expect(["dusk", "dawn"]).toContain(createPhrasing({ seed: 3 }).fill("{time}", { time: ["dusk", "dawn"] }));
    expect(createPhrasing({ seed: 3 }).fill("{missing}")).toBe("{missing}");
  });

  test("between and chance stay within their bounds", () => {
    const phrasing = createPhrasing({ seed: 11 });
    const draws = Array.from({ length: 500 }, () => phrasing.between({ min: 3, max: 5 }));
    expect(new Set(draws)).toEqual(new Set([3, 4, 5]));
    expect(Array.from({ length: 100 }, () => phrasing.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => phrasing.chance(1)).every(Boolean)).toBe(true);
  });
});

describe("tidySentence and splitSentences", () => {
  test("tidy capitalizes and closes up stray spaces", () => {
    expect(tidySentence("  the troll  grins , wide .. ")).toBe("The troll grins, wide.");
  });

  test("split keeps a quotation whole", () => {
    expect(splitSentences('The troll rattles his bowl: "Song or silver. Or swim." Nim sighs. Rain falls!')).toEqual([
      'The troll rattles his bowl: "Song or silver. Or swim."',
      "Nim sighs.",
      "Rain falls!",
    ]);
  });
});

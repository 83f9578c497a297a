import { describe, expect, test } from "vitest";
import { THEME_PRESETS } from "./contract";
import { THEME_KEYWORDS, themeKeywords, themesCoveredBy } from "./themes";

const covers = (theme: string, text: string) => themesCoveredBy({ themes: [theme], text }).length === 1;

describe("THEME_KEYWORDS", () => {
  test("several lower-case keywords for each of the 19 presets", () => {
    expect(Object.keys(THEME_KEYWORDS).sort()).toEqual([...THEME_PRESETS].sort());
    for (const preset of THEME_PRESETS) {
      expect(THEME_KEYWORDS[preset].length).toBeGreaterThanOrEqual(5);
      for (const keyword of THEME_KEYWORDS[preset]) expect(keyword).toBe(keyword.toLowerCase().trim());
    }
  });

  test("each preset recognises its own keywords", () => {
    for (const preset of THEME_PRESETS) for (const keyword of THEME_KEYWORDS[preset]) expect(covers(preset, `and then ${keyword}, really`)).toBe(true);
  });
});

describe("themesCoveredBy", () => {
  test.each([
    ["father_figure", "My dad taught me to fish."],
    ["father_figure", "My stepfather was kind."],
    ["father_figure", "Dad's old car still runs."],
    ["mother_figure", "Mama sang in the kitchen."],
    ["loss", "My grandfather passed away that winter."],
    ["loss", "I cried at the funeral."],
    ["loss", "We lost the farm."],
    ["humor", "She always made us laugh."],
    ["humor", "It was the funniest, most hilarious thing."],
    ["love", "We fell in love at nineteen."],
    ["travel", "We moved to Lisbon in 1987."],
    ["friendship", "My best friends were Ana and Joao."],
    ["identity", "I finally knew who I am."],
    ["resilience", "Somehow we kept going."],
    ["courage", "I stood   up to him."],
  ])("%s: %s", (theme, text) => {
    expect(covers(theme, text)).toBe(true);
  });

  test.each([
    ["father_figure", "I studied dadaism at school."],
    ["father_figure", "Granddad was there."],
    ["humor", "The slaughter of the season."],
    ["success", "I won't say that."],
    ["loss", "The glossy pages."],
    ["friendship", "My palm was sweaty."],
    ["family", "The season was long."],
    ["mother_figure", "The momentum of it all."],
    ["love", "A glove and a clover."],
    ["career", "The homework was hard."],
  ])("no %s in: %s", (theme, text) => {
    expect(covers(theme, text)).toBe(false);
  });

  test("returns the given themes it touches, in their order", () => {
    const text = "My dad died when I was ten, but my mum kept us laughing.";
    expect(themesCoveredBy({ themes: ["humor", "adventure", "loss", "father_figure", "mother_figure"], text })).toEqual(["humor", "loss", "father_figure", "mother_figure"]);
    expect(themesCoveredBy({ themes: [], text })).toEqual([]);
  });

  test("custom themes match their own words, whole", () => {
    expect(themeKeywords({ theme: "rock_climbing" })).toEqual(["rock climbing", "rock", "climbing"]);
    expect(themeKeywords({ theme: "my_first_job" })).toEqual(["my first job", "job"]);
    expect(covers("rock_climbing", "We went climbing every weekend.")).toBe(true);
    expect(covers("music", "Music was everywhere in our house.")).toBe(true);
    expect(covers("music", "The musician next door.")).toBe(false);
    expect(covers("my_first_job", "My job at the bakery.")).toBe(true);
    expect(covers("my_first_job", "My first love.")).toBe(false);
  });

  test("a custom theme cannot inject a pattern", () => {
    expect(covers("a.b", "axb")).toBe(false);
    expect(covers("(x", "(x")).toBe(true);
  });
});

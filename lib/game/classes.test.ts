import { describe, expect, test } from "vitest";
import { CLASS_INFO, maxHp } from "@/lib/game/classes";
import { HERO_CLASSES } from "@/lib/game/types";

describe("classes", () => {
  test("max HP per class", () => {
    expect(HERO_CLASSES.map((heroClass) => [heroClass, maxHp(heroClass)])).toEqual([
      ["Fighter", 30],
      ["Wizard", 18],
      ["Rogue", 22],
      ["Cleric", 24],
      ["Ranger", 24],
      ["Bard", 20],
    ]);
  });

  test("every class has a description, a glyph and a unique three-letter tag", () => {
    for (const heroClass of HERO_CLASSES) {
      const info = CLASS_INFO[heroClass];
      expect(info.description.length).toBeGreaterThan(10);
      expect(info.glyph).not.toBe("");
      expect(info.tag).toMatch(/^[A-Z]{3}$/);
    }
    expect(new Set(HERO_CLASSES.map((heroClass) => CLASS_INFO[heroClass].tag)).size).toBe(HERO_CLASSES.length);
  });
});

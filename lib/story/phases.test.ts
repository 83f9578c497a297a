import { describe, expect, test } from "vitest";
import { AGE_RANGES, CHAPTERS, STORY_PHASES, type AgeRange, type StoryPhase } from "./contract";
import { CHAPTER_ERAS, canJumpTo, chapterIndex, chaptersIn, isChapter, nextPhase, phasesFor } from "./phases";

const EXPECTED: Record<AgeRange, StoryPhase[]> = {
  under_18: ["greeting", "age_range", "family_history", "childhood", "adolescence", "present", "synthesis"],
  "18_30": ["greeting", "age_range", "family_history", "childhood", "adolescence", "early_adulthood", "present", "synthesis"],
  "31_45": ["greeting", "age_range", "family_history", "childhood", "adolescence", "early_adulthood", "midlife", "present", "synthesis"],
  "46_60": ["greeting", "age_range", "family_history", "childhood", "adolescence", "early_adulthood", "midlife", "present", "synthesis"],
  "61_plus": ["greeting", "age_range", "family_history", "childhood", "adolescence", "early_adulthood", "midlife", "present", "synthesis"],
};

describe("phasesFor", () => {
  test.each(AGE_RANGES)("%s: greeting, age, the chapters that fit, present, synthesis", (ageRange) => {
    expect(phasesFor({ ageRange })).toEqual(EXPECTED[ageRange]);
  });

  test("without an age range: only the present between the age question and the synthesis", () => {
    expect(phasesFor({ ageRange: null })).toEqual(["greeting", "age_range", "present", "synthesis"]);
  });

  test("every phase of every list is a known phase, in the contract's order", () => {
    for (const ageRange of [...AGE_RANGES, null]) {
      const phases = phasesFor({ ageRange });
      const positions = phases.map((phase) => STORY_PHASES.indexOf(phase));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });
});

describe("nextPhase", () => {
  test.each(AGE_RANGES)("%s: walks the whole list and stops at the synthesis", (ageRange) => {
    const phases = phasesFor({ ageRange });
    const walked: StoryPhase[] = ["greeting"];
    for (let next = nextPhase({ phases, current: "greeting" }); next; next = nextPhase({ phases, current: next })) walked.push(next);
    expect(walked).toEqual(phases);
    expect(nextPhase({ phases, current: "synthesis" })).toBeNull();
  });

  test("from the age question only once a range is chosen", () => {
    const unset = phasesFor({ ageRange: null });
    expect(nextPhase({ phases: unset, current: "greeting" })).toBe("age_range");
    expect(nextPhase({ phases: unset, current: "age_range" })).toBeNull();
    expect(nextPhase({ phases: unset, current: "present" })).toBe("synthesis");
    expect(nextPhase({ phases: phasesFor({ ageRange: "46_60" }), current: "age_range" })).toBe("family_history");
  });

  test("a phase the list does not hold has no next", () => {
    expect(nextPhase({ phases: phasesFor({ ageRange: "under_18" }), current: "midlife" })).toBeNull();
    expect(nextPhase({ phases: phasesFor({ ageRange: "18_30" }), current: "early_adulthood" })).toBe("present");
    expect(nextPhase({ phases: phasesFor({ ageRange: "under_18" }), current: "adolescence" })).toBe("present");
  });
});

describe("canJumpTo", () => {
  test.each(AGE_RANGES)("%s: between any two chapters of the list, present included", (ageRange) => {
    const phases = phasesFor({ ageRange });
    const chapters = chaptersIn({ phases });
    for (const current of chapters) {
      for (const target of chapters) expect(canJumpTo({ phases, current, target })).toBe(target !== current);
      for (const target of ["greeting", "age_range", "synthesis"] as const) expect(canJumpTo({ phases, current, target })).toBe(false);
    }
  });

  test.each(AGE_RANGES)("%s: not from the greeting, the age question or the synthesis", (ageRange) => {
    const phases = phasesFor({ ageRange });
    for (const current of ["greeting", "age_range", "synthesis"] as const) {
      for (const target of STORY_PHASES) expect(canJumpTo({ phases, current, target })).toBe(false);
    }
  });

  test("not to a chapter the age range leaves out", () => {
    expect(canJumpTo({ phases: phasesFor({ ageRange: "under_18" }), current: "childhood", target: "midlife" })).toBe(false);
    expect(canJumpTo({ phases: phasesFor({ ageRange: "18_30" }), current: "childhood", target: "midlife" })).toBe(false);
    expect(canJumpTo({ phases: phasesFor({ ageRange: "61_plus" }), current: "childhood", target: "midlife" })).toBe(true);
    expect(canJumpTo({ phases: phasesFor({ ageRange: null }), current: "present", target: "childhood" })).toBe(false);
  });
});

describe("chapters", () => {
  test("chapterIndex counts chapters only, and -1 outside them", () => {
    const phases = phasesFor({ ageRange: "31_45" });
    expect(chaptersIn({ phases })).toEqual([...CHAPTERS]);
    expect(chapterIndex({ phases, phase: "family_history" })).toBe(0);
    expect(chapterIndex({ phases, phase: "present" })).toBe(5);
    expect(chapterIndex({ phases, phase: "greeting" })).toBe(-1);
    expect(chapterIndex({ phases, phase: "synthesis" })).toBe(-1);
    expect(chapterIndex({ phases: phasesFor({ ageRange: "under_18" }), phase: "present" })).toBe(3);
    expect(chapterIndex({ phases: phasesFor({ ageRange: "under_18" }), phase: "midlife" })).toBe(-1);
  });

  test("isChapter and every chapter has an era", () => {
    expect(STORY_PHASES.filter(isChapter)).toEqual([...CHAPTERS]);
    for (const chapter of CHAPTERS) expect(CHAPTER_ERAS[chapter].length).toBeGreaterThan(0);
  });
});

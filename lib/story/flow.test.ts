import { describe, expect, test } from "vitest";
import { ageRangeIn } from "./flow";

describe("ageRangeIn", () => {
  test.each([
    ["3", "31_45"],
    ["5.", "61_plus"],
    ["1", "under_18"],
    ["31-45", "31_45"],
    ["I'd say 18–30", "18_30"],
    ["61 and over", "61_plus"],
    ["Under 18", "under_18"],
    ["I'm 34", "31_45"],
    ["I am 72 years old", "61_plus"],
    ["just turned 17 last week", "under_18"],
    ["46", "46_60"],
    ["I'm a teenager", "under_18"],
  ])("%j names %s", (text, range) => expect(ageRangeIn({ text })?.range).toBe(range));

  test.each(["yes, let's begin", "I grew up in Porto in 1987", "we had 3 dogs", "7", "I am 200", "between jobs"])("%j names no range", (text) =>
    expect(ageRangeIn({ text })).toBeNull(),
  );
});

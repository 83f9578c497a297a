import { describe, expect, test } from "vitest";
import { sandboxState } from "./rules";
import { gameStateSchema } from "./state-schema";

describe("gameStateSchema: flags and clues", () => {
  const state = sandboxState(4);

  test("older saves without them still parse, and parsing keeps them when present", () => {
    expect(gameStateSchema.parse(state)).toEqual(state);
    const marked = { ...state, flags: ["befriended-troll"], clues: ["scene4:goat-path", "scene11:share-light"] };
    expect(gameStateSchema.parse(marked)).toEqual(marked);
  });

  test.each([
    ["a flag with capitals", { flags: ["Befriended"] }],
    ["a flag of 33 characters", { flags: ["a".repeat(33)] }],
    ["a repeated flag", { flags: ["x", "x"] }],
    ["17 flags", { flags: Array.from({ length: 17 }, (_, i) => `f${i}`) }],
    ["a clue for scene 12", { clues: ["scene12:goat-path"] }],
    ["a clue for scene 0", { clues: ["scene0:goat-path"] }],
    ["a clue without a scene", { clues: ["goat-path"] }],
    ["a repeated clue", { clues: ["scene4:goat-path", "scene4:goat-path"] }],
    ["17 clues", { clues: Array.from({ length: 17 }, (_, i) => `scene4:c${i}`) }],
    ["flags that are not a list", { flags: "befriended-troll" }],
  ])("rejects %s", (_, marks) => {
    expect(gameStateSchema.safeParse({ ...state, ...marks }).success).toBe(false);
  });
});

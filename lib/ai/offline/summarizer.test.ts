import { describe, expect, test } from "vitest";
import type { ChatTurn } from "../types";
import { SUMMARY_MAX_CHARS, summarizeTurns } from "./summarizer";

const TURNS: ChatTurn[] = [
  { role: "user", text: "Search the altar" },
  {
    role: "assistant",
    text: "The air at the Wayside Shrine is still. Nim runs careful fingers over the altar, slow and thorough. Nim finds a prayer carved under the altar.",
  },
  { role: "user", text: "bandage Ilsa!" },
  { role: "assistant", text: "Tova murmurs a prayer over Ilsa, and warm light knits the worst of it. Ilsa breathes easier." },
];

describe("summarizeTurns", () => {
  test("keeps what the player asked and which hero did what", () => {
    const summary = summarizeTurns({ turns: TURNS });
    expect(summary).toContain("You: Search the altar.");
    expect(summary).toContain("You: bandage Ilsa.");
    expect(summary).toMatch(/Nim [^.]*altar/);
    expect(summary).toMatch(/Tova [^.]*Ilsa/);
    // The atmosphere line names nobody, so the sentence about Nim is kept instead.
    expect(summary).not.toContain("The air at the Wayside Shrine is still");
  });

  test("folds new turns after the previous summary, and is deterministic", () => {
    const previous = "You: look around. Bram studies the Old Bridge.";
    const summary = summarizeTurns({ turns: TURNS, previousSummary: previous });
    expect(summary.startsWith(previous)).toBe(true);
    expect(summary).toBe(summarizeTurns({ turns: TURNS, previousSummary: previous }));
  });

  test(`stays within ${SUMMARY_MAX_CHARS} characters by letting the oldest facts go`, () => {
    let summary = "";
    for (let round = 0; round < 30; round += 1) {
      summary = summarizeTurns({
        turns: [
          { role: "user", text: `Round ${round}: search the cart number ${round} very carefully for anything at all` },
          { role: "assistant", text: `Nim searches cart ${round} and finds a tin of salve with Bram watching the Flooded Gallery.` },
        ],
        previousSummary: summary,
      });
      expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    }
    expect(summary).toContain("Round 29");
    expect(summary).not.toContain("Round 0:");
  });

  test("clips a rambling message and says nothing for no turns", () => {
    const summary = summarizeTurns({ turns: [{ role: "user", text: "go ".repeat(100) }] });
    expect(summary.length).toBeLessThan(100);
    expect(summary.endsWith("….")).toBe(true);
    expect(summarizeTurns({ turns: [] })).toBe("");
    expect(summarizeTurns({ turns: [], previousSummary: "You: rest." })).toBe("You: rest.");
  });
});

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { AGE_RANGES, CHAPTERS, STORY_PHASES, THEME_PRESETS, cardSetSchema, generatedCardSchema, synthesisSchema, type Chapter } from "@/lib/story/contract";
import { phasesFor } from "@/lib/story/phases";
import type { StoryTurn } from "../types";
import { GENERIC_CARDS, sameTopic, synthesize, titleTopics, writeCards, type LockedCard } from "./biographer";
import { retell } from "./life-details";

const STORY: StoryTurn[] = [
  { phase: "greeting", role: "assistant", text: "Welcome. Shall we begin?" },
  { phase: "greeting", role: "user", text: "yes" },
  { phase: "family_history", role: "assistant", text: "How did your parents meet?" },
  { phase: "family_history", role: "user", text: "My parents met at a dance in Porto in 1952. My father was a fisherman and my mother sewed dresses." },
  { phase: "childhood", role: "user", text: "My grandmother Rosa lived in Lisbon, and every summer we stayed with her." },
  { phase: "childhood", role: "user", text: "I was scared when I was seven and Dad left for the army." },
  { phase: "childhood", role: "user", text: "yes" },
  { phase: "adolescence", role: "user", text: "My best friend Tomas and I built a raft on the river and nearly drowned. We laughed about it for years." },
  { phase: "early_adulthood", role: "user", text: "In 1975 I moved to Toronto with forty dollars. I worked nights in a bakery and studied English during the day." },
  { phase: "early_adulthood", role: "user", text: "I met my wife Helena at the bakery; she laughed at my accent." },
  { phase: "midlife", role: "user", text: "We opened our own bakery in 1990. It failed after three years and we lost almost everything, but we started over." },
  { phase: "present", role: "user", text: "Today I have four grandchildren and I still bake bread every Sunday. I want them to know where they come from." },
];
const ALL_PHASES = phasesFor({ ageRange: "61_plus" });

const FIRST_PERSON = /\b(?:I|I'm|I've|me|my|mine|myself|we|our|us)\b/;

describe("synthesize", () => {
  const synthesis = synthesize({ transcript: STORY, themes: ["family", "resilience", "humor"], chapters: ALL_PHASES });

  test("validates, and is deterministic", () => {
    expect(synthesisSchema.safeParse(synthesis).success).toBe(true);
    expect(synthesize({ transcript: STORY, themes: ["family", "resilience", "humor"], chapters: ALL_PHASES })).toEqual(synthesis);
  });

  test("title: at most five words, from the strongest name, place or theme", () => {
    expect(synthesis.title.split(" ").length).toBeLessThanOrEqual(5);
    expect(synthesis.title).toBe("The Ties That Bind");
    const lisbon: StoryTurn[] = [
      { phase: "childhood", role: "user", text: "We lived in Lisbon above a bakery." },
      { phase: "adolescence", role: "user", text: "I went back to Lisbon every summer to see my cousins." },
    ];
    expect(synthesize({ transcript: lisbon, themes: [], chapters: ALL_PHASES }).title).toMatch(/Lisbon/);
  });

  test("essence: one or two sentences naming the themes and the heart of the story", () => {
    expect(synthesis.essence).toBe(
      "A story of family and humor, told from the family that came before them to where they stand today. At its heart are their grandmother Rosa and Porto.",
    );
  });

  test("timeline: five chapters in order; six chapters merge the two thinnest neighbours", () => {
    expect(synthesis.timeline.map((entry) => entry.chapter)).toEqual(["Family history and childhood", "Adolescence", "Early adulthood in Toronto", "Midlife", "The present"]);
    expect(synthesis.timeline.map((entry) => entry.era)).toEqual(["Before birth · Ages 0–12", "Ages 13–18", "Ages 19–35 (1975)", "Ages 36–60 (1990)", "Today"]);
    expect(synthesis.timeline[3]!.summary).toBe("They opened their own bakery in 1990. It failed after three years and they lost almost everything, but they started over.");
  });

  test.each([...AGE_RANGES, null])("timeline for %s: exactly five, padded with the road ahead and the earliest chapters", (ageRange) => {
    const timeline = synthesize({ transcript: STORY, themes: [], chapters: phasesFor({ ageRange }) }).timeline;
    expect(timeline).toHaveLength(5);
    if (ageRange === "under_18") expect(timeline.map((entry) => entry.era)).toEqual(["Before birth", "Ages 0–12", "Ages 13–18", "Today", "Tomorrow"]);
    if (ageRange === "18_30") expect(timeline.map((entry) => entry.era.replace(/ \(.*\)$/, ""))).toEqual(["Before birth", "Ages 0–12", "Ages 13–18", "Ages 19–35", "Today"]);
    if (ageRange === null) expect(timeline.map((entry) => entry.chapter)).toEqual(["Family history in Porto", "Childhood in Lisbon", "Adolescence", "The present", "The road ahead"]);
  });

  test("key moments: 5–7 of their own sentences, in the third person, names kept, in story order", () => {
    expect(synthesis.key_moments.length).toBeGreaterThanOrEqual(5);
    expect(synthesis.key_moments.length).toBeLessThanOrEqual(7);
    for (const { moment } of synthesis.key_moments) expect(moment).not.toMatch(FIRST_PERSON);
    expect(synthesis.key_moments).toContainEqual({ moment: "Their grandmother Rosa lived in Lisbon, and every summer they stayed with her.", when: "Summer" });
    expect(synthesis.key_moments).toContainEqual({ moment: "They were scared when they were seven and their dad left for the army.", when: "Age 7" });
    expect(synthesis.key_moments[0]).toEqual({ moment: "Their parents met at a dance in Porto in 1952.", when: "1952" });
  });

  test("cards: 3–8, third person, each from a message of its own chapter, on different topics", () => {
    const { cards } = synthesis;
    expect(cards.length).toBeGreaterThanOrEqual(3);
    expect(cards.length).toBeLessThanOrEqual(8);
    for (const card of cards) {
      expect(card.text).not.toMatch(FIRST_PERSON);
      const firstSentence = (text: string) => retell({ text: text.split(/(?<=\.)\s/)[0]!, voice: "third" }).toLowerCase();
      const source = STORY.find((turn) => turn.role === "user" && turn.phase === card.phase && card.text.toLowerCase().startsWith(firstSentence(turn.text)));
      expect(source, card.text).toBeDefined();
    }
    for (const [index, card] of cards.entries()) for (const other of cards.slice(index + 1)) expect(sameTopic(card, other)).toBe(false);
    expect(cards.map((card) => card.title)).toContain("Grandmother Rosa");
    expect(cards.map((card) => card.title)).toContain("Best Friend Tomas");
    expect(new Set(cards.map((card) => card.theme)).size).toBeGreaterThanOrEqual(4);
    expect(cards.find((card) => card.title === "Best Friend Tomas")?.theme).toBe("humor");
  });

  test("a nearly empty interview: gentle generic wording, still valid", () => {
    for (const transcript of [[], [{ phase: "present", role: "user", text: "hi" }], [{ phase: "greeting", role: "user", text: "yes" }]] as StoryTurn[][]) {
      const thin = synthesize({ transcript, themes: [], chapters: phasesFor({ ageRange: null }) });
      expect(synthesisSchema.safeParse(thin).success).toBe(true);
      expect(thin.title).toMatch(/^(A Life in Chapters|The Story So Far|Chapters of a Life)$/);
      expect(thin.cards).toHaveLength(3);
      expect(thin.timeline.map((entry) => entry.summary).join(" ")).not.toMatch(/\bhi\b/i);
    }
  });
});

describe("writeCards", () => {
  test("exactly the count asked, valid, none on a locked card's topic", () => {
    const locked = synthesize({ transcript: STORY, themes: [], chapters: ALL_PHASES }).cards.slice(0, 3);
    for (let count = 0; count <= 8; count += 1) {
      const { cards } = writeCards({ transcript: STORY, themes: ["family"], count, locked });
      expect(cards).toHaveLength(count);
      expect(cardSetSchema.safeParse({ cards }).success).toBe(true);
      for (const card of cards) for (const lockedCard of locked) expect(sameTopic(card, lockedCard)).toBe(false);
    }
  });

  test("a locked card the person wrote themselves keeps its topic to itself", () => {
    const locked: LockedCard[] = [{ title: "Rosa's Summers", text: "Summers with Rosa.", phase: "childhood", theme: "family" }];
    const { cards } = writeCards({ transcript: STORY, themes: [], count: 8, locked });
    expect(cards.some((card) => /Rosa/.test(card.title) || /Rosa/.test(card.text))).toBe(false);
  });

  test("out-of-range counts are held to 0–8", () => {
    expect(writeCards({ transcript: STORY, themes: [], count: -2, locked: [] }).cards).toHaveLength(0);
    expect(writeCards({ transcript: STORY, themes: [], count: 12, locked: [] }).cards).toHaveLength(8);
  });
});

describe("GENERIC_CARDS", () => {
  test("valid cards, five a chapter, no two on one topic", () => {
    for (const card of GENERIC_CARDS) expect(generatedCardSchema.safeParse(card).success, card.title).toBe(true);
    for (const chapter of CHAPTERS) expect(GENERIC_CARDS.filter((card) => card.phase === chapter)).toHaveLength(5);
    for (const [index, card] of GENERIC_CARDS.entries()) {
      expect(titleTopics(card.title).size, card.title).toBeGreaterThan(0);
      for (const other of GENERIC_CARDS.slice(index + 1)) expect(sameTopic(card, other), `${card.title} / ${other.title}`).toBe(false);
    }
  });
});

// --- Properties -------------------------------------------------------------------------------------

const SENTENCES = STORY.filter((turn) => turn.role === "user").map((turn) => turn.text);
const textArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SENTENCES) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(" ")) },
  { weight: 2, arbitrary: fc.string({ maxLength: 160 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 160 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 400 }) },
  { weight: 1, arbitrary: fc.constantFrom("", "   ", "yes", "[Moving to next phase: childhood]", "?", "A. B. C. D. E.", "My Mom My Dad My My My", "x".repeat(5000)) },
);
const turnArbitrary = fc.record({
  phase: fc.oneof({ weight: 4, arbitrary: fc.constantFrom<Chapter>(...CHAPTERS) }, { weight: 1, arbitrary: fc.constantFrom(...STORY_PHASES) }),
  role: fc.constantFrom<"user" | "assistant">("user", "assistant"),
  text: textArbitrary,
});
const transcriptArbitrary = fc.array(turnArbitrary, { maxLength: 24 });
const themesArbitrary = fc.array(fc.oneof(fc.constantFrom(...THEME_PRESETS), fc.constantFrom("rock_climbing", "music", "my_first_job"), fc.string({ maxLength: 50 })), { maxLength: 12 });
const chaptersArbitrary = fc.oneof(
  fc.constantFrom(...AGE_RANGES, null).map((ageRange) => phasesFor({ ageRange })),
  fc.subarray([...STORY_PHASES]),
);

describe("properties", () => {
  test("synthesize always satisfies synthesisSchema", () => {
    fc.assert(
      fc.property(transcriptArbitrary, themesArbitrary, chaptersArbitrary, (transcript, themes, chapters) => {
        const result = synthesisSchema.safeParse(synthesize({ transcript, themes, chapters }));
        expect(result.success, JSON.stringify(result.error?.issues.slice(0, 2))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test("writeCards always gives exactly `count` valid cards, none repeating a locked topic or each other", () => {
    const lockedArbitrary = fc.record({ title: fc.string({ maxLength: 60 }), text: fc.string({ maxLength: 300 }), phase: fc.constantFrom(...CHAPTERS), theme: fc.constantFrom(...THEME_PRESETS) });
    fc.assert(
      fc.property(transcriptArbitrary, themesArbitrary, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.array(lockedArbitrary, { maxLength: 2 }), (transcript, themes, lockCount, count, stranger) => {
        // Lock some of the cards a first pass wrote (what a person does), and perhaps cards of their own.
        const first = writeCards({ transcript, themes, count: 8, locked: [] }).cards;
        const locked: LockedCard[] = [...first.slice(0, lockCount), ...stranger];
        const { cards } = writeCards({ transcript, themes, count, locked });
        expect(cards).toHaveLength(count);
        expect(cardSetSchema.safeParse({ cards }).success).toBe(true);
        for (const card of cards) {
          for (const lockedCard of locked) {
            expect(sameTopic(card, lockedCard)).toBe(false);
            expect(card.title).not.toBe(lockedCard.title);
            expect(card.text).not.toBe(lockedCard.text);
          }
        }
        for (const [index, card] of cards.entries()) for (const other of cards.slice(index + 1)) expect(sameTopic(card, other)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

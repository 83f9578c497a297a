import { describe, expect, test } from "vitest";
import { AGE_RANGE_LABELS, AGE_RANGES, CHAPTERS, PHASE_LABELS, type StoryTheme } from "./contract";
import { CHAPTER_TOPICS, SYNTHESIS_PROMPT, cardsPrompt, interviewerPrompt, transcriptForPrompt } from "./prompts";

const theme = (name: string, covered: boolean): StoryTheme => ({ theme: name, label: name.replaceAll("_", " "), preset: true, covered });

describe("interviewerPrompt", () => {
  test("sets the persona: warm, never judgmental, one open question, refers back", () => {
    const prompt = interviewerPrompt({ phase: "childhood", ageRange: "31_45", themes: [], transition: null });
    expect(prompt).toMatch(/warm, empathetic/);
    expect(prompt).toMatch(/never judgmental/);
    expect(prompt).toMatch(/ONE open-ended question/);
    expect(prompt).toMatch(/one or two sentences/);
    expect(prompt).toMatch(/Refer back to what they said/);
  });

  test.each(CHAPTERS)("%s: names the chapter and every one of its topics", (chapter) => {
    const prompt = interviewerPrompt({ phase: chapter, ageRange: "61_plus", themes: [], transition: null });
    expect(prompt).toContain(PHASE_LABELS[chapter]);
    for (const topic of CHAPTER_TOPICS[chapter]) expect(prompt).toContain(topic);
  });

  test("the chapters' topics are those of the interview design", () => {
    const all = (chapter: keyof typeof CHAPTER_TOPICS) => CHAPTER_TOPICS[chapter].join(" ");
    expect(all("family_history")).toMatch(/parents.*grandparents.*how their parents met.*heritage.*traditions.*birth/s);
    expect(all("childhood")).toMatch(/earliest memories.*home.*people/s);
    expect(all("adolescence")).toMatch(/friendships.*identity.*challenges/s);
    expect(all("early_adulthood")).toMatch(/choices.*relationships.*work.*path/s);
    expect(all("midlife")).toMatch(/defining moments.*achievements.*lessons/s);
    expect(all("present")).toMatch(/now.*matters.*journey/s);
    expect(interviewerPrompt({ phase: "childhood", ageRange: null, themes: [], transition: null })).toContain("Ages 0–12");
  });

  test("greeting: welcome, the chronological chapters, ready to begin", () => {
    const prompt = interviewerPrompt({ phase: "greeting", ageRange: null, themes: [], transition: null });
    expect(prompt).toMatch(/Welcome/);
    expect(prompt).toMatch(/chronologically, chapter by chapter/);
    expect(prompt).toMatch(/ready to begin/);
  });

  test("age range: lists the five ranges; acknowledges a chosen one", () => {
    const prompt = interviewerPrompt({ phase: "age_range", ageRange: null, themes: [], transition: null });
    for (const range of AGE_RANGES) expect(prompt).toContain(AGE_RANGE_LABELS[range]);
    expect(interviewerPrompt({ phase: "age_range", ageRange: "46_60", themes: [], transition: null })).toMatch(/They have chosen 46–60/);
  });

  test("a transition: thank for the previous chapter, the new one in bold, an opening question", () => {
    const prompt = interviewerPrompt({ phase: "adolescence", ageRange: "18_30", themes: [], transition: { from: "childhood", to: "adolescence", how: "next" } });
    expect(prompt).toMatch(/moved on from "Childhood" to "Adolescence"/);
    expect(prompt).toMatch(/thank them for sharing about childhood/);
    expect(prompt).toContain("**Adolescence**");
    expect(prompt).toMatch(/opening question/);
    const jump = interviewerPrompt({ phase: "midlife", ageRange: "61_plus", themes: [], transition: { from: "childhood", to: "midlife", how: "jump" } });
    expect(jump).toMatch(/jumped from "Childhood" to the chapter "Midlife"/);
    expect(jump).toContain("**Midlife**");
    expect(interviewerPrompt({ phase: "childhood", ageRange: "18_30", themes: [], transition: null })).not.toMatch(/TRANSITION/);
  });

  test("themes: pending ones to weave in, covered ones apart", () => {
    const prompt = interviewerPrompt({
      phase: "childhood",
      ageRange: "31_45",
      themes: [theme("mother_figure", false), theme("humor", true), theme("loss", false)],
      transition: null,
    });
    expect(prompt).toMatch(/Pending \(not yet touched on\): mother figure, loss\./);
    expect(prompt).toMatch(/Weave one of them/);
    expect(prompt).toMatch(/Already covered: humor\./);
    const allCovered = interviewerPrompt({ phase: "childhood", ageRange: "31_45", themes: [theme("humor", true)], transition: null });
    expect(allCovered).toMatch(/Every chosen theme has been touched on/);
    expect(interviewerPrompt({ phase: "childhood", ageRange: "31_45", themes: [], transition: null })).not.toMatch(/FOCUS THEMES/);
  });

  test("synthesis: no more questions", () => {
    const prompt = interviewerPrompt({ phase: "synthesis", ageRange: "31_45", themes: [], transition: { from: "present", to: "synthesis", how: "next" } });
    expect(prompt).toMatch(/Do not ask any more questions/);
    expect(prompt).toMatch(/game cards/);
  });
});

describe("JSON prompts", () => {
  test("the synthesis: JSON only, every field of the shape and its limits", () => {
    expect(SYNTHESIS_PROMPT).toMatch(/JSON only/);
    for (const field of ['"title"', '"essence"', '"timeline"', '"chapter"', '"era"', '"summary"', '"key_moments"', '"moment"', '"when"', '"cards"', '"text"', '"phase"', '"theme"']) {
      expect(SYNTHESIS_PROMPT).toContain(field);
    }
    expect(SYNTHESIS_PROMPT).toMatch(/at most 5 words/);
    expect(SYNTHESIS_PROMPT).toMatch(/exactly 5 chapters/);
    expect(SYNTHESIS_PROMPT).toMatch(/5 to 7/);
    expect(SYNTHESIS_PROMPT).toMatch(/3 to 8/);
    expect(SYNTHESIS_PROMPT).toMatch(/third person/i);
    expect(SYNTHESIS_PROMPT).toMatch(/300 characters/);
  });

  test("cards: the count, the card rules, and the locked cards' topics to avoid", () => {
    const prompt = cardsPrompt({ count: 4, locked: [{ title: "Summers in Lisbon", text: "Every summer she stayed with Rosa." }] });
    expect(prompt).toMatch(/JSON only/);
    expect(prompt).toMatch(/exactly 4 cards/);
    expect(prompt).toMatch(/2 to 5 words/);
    expect(prompt).toMatch(/third person/i);
    expect(prompt).toMatch(/300 characters/);
    expect(prompt).toMatch(/Vary the themes/);
    expect(prompt).toMatch(/Do NOT write about the same moment, person or topic/);
    expect(prompt).toContain('"Summers in Lisbon": Every summer she stayed with Rosa.');
    expect(cardsPrompt({ count: 1, locked: [] })).toMatch(/exactly 1 card,/);
    expect(cardsPrompt({ count: 1, locked: [] })).not.toMatch(/locked/);
  });

  test("the transcript by chapter, without the greeting and the age question", () => {
    const text = transcriptForPrompt({
      transcript: [
        { phase: "greeting", role: "assistant", text: "Welcome!" },
        { phase: "age_range", role: "user", text: "31-45" },
        { phase: "childhood", role: "assistant", text: "What is your first memory?" },
        { phase: "childhood", role: "user", text: "Rosa's kitchen in Lisbon." },
        { phase: "present", role: "user", text: "I live by the sea." },
      ],
    });
    expect(text).toBe("## Childhood (Ages 0–12)\nInterviewer: What is your first memory?\nPerson: Rosa's kitchen in Lisbon.\n## The present (Today)\nPerson: I live by the sea.");
  });
});

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { AGE_RANGE_LABELS, AGE_RANGES, CHAPTERS, STORY_PHASES, THEME_PRESETS, type Chapter, type StoryTheme } from "@/lib/story/contract";
import { themesCoveredBy } from "@/lib/story/themes";
import type { ChatTurn } from "../types";
import { ageRangeIn } from "@/lib/story/flow";
import { CHAPTER_OPENERS, interview, themeQuestion, type InterviewerBrief } from "./interviewer";

const pendingTheme = (theme: string): StoryTheme => ({ theme, label: theme, preset: true, covered: false });

const brief = (overrides: Partial<InterviewerBrief> = {}): InterviewerBrief => ({ kind: "interviewer", phase: "childhood", ageRange: "31_45", themes: [], transition: null, ...overrides });

const answered = (text: string): ChatTurn[] => [
  { role: "assistant", text: "Now let's turn to **Childhood**, the years up to about twelve. What is your first memory?" },
  { role: "user", text },
];

const questionMarks = (text: string) => text.match(/\?/g)?.length ?? 0;

const MESSAGES = [
  "My grandmother Rosa lived in Lisbon, and every summer we stayed with her.",
  "When Rosa came to visit, Mom baked bread in the old kitchen.",
  "In 1987 we moved to New York and I felt so lonely.",
  "My older sister, Ana, taught me to ride a bike on the farm.",
  "I was scared when I was seven and Dad left for the army.",
  "We spent Christmas at Aunt Maria's house near the lake.",
  "My best friend Tomas and I built a raft on the river.",
  "We lived above a bakery in Porto until I was nine.",
  "My father died when I was ten.",
  "Honestly it was a happy time.",
  "I liked reading under the table while the adults talked about grown-up things.",
  "We had nothing but each other, and somehow that was enough for all of us.",
  "My uncle Jorge played the accordion at every wedding.",
  "The winter of 1979 was so cold the pipes froze.",
  "I remember the smell of oranges in my grandfather's orchard.",
  "Our neighbour Mrs. Costa gave me my first book.",
  "I felt so proud when I won the spelling bee at school.",
  "We moved to Toronto when I was six and I didn't speak a word of English.",
  "My brothers and I used to race down the hill on an old cart.",
  "Every Sunday the whole family went to church together.",
];

describe("interview: following up", () => {
  test("grounded: the reply names the person or place they gave", () => {
    const cases: [string, RegExp][] = [
      [MESSAGES[0]!, /Rosa|Lisbon/],
      [MESSAGES[2]!, /New York|1987/],
      [MESSAGES[3]!, /Ana/],
      [MESSAGES[5]!, /Aunt Maria/],
      [MESSAGES[6]!, /Tomas/],
      [MESSAGES[7]!, /Porto/],
      [MESSAGES[12]!, /uncle Jorge/],
      [MESSAGES[15]!, /Mrs Costa/],
    ];
    for (const [message, expected] of cases) expect(interview({ brief: brief(), messages: answered(message) })).toMatch(expected);
  });

  test("retells their words to them: my → your, I → you", () => {
    const reply = interview({ brief: brief(), messages: answered("My grandmother Rosa lived in Lisbon.") });
    expect(reply).toMatch(/your grandmother Rosa/i);
    expect(reply).not.toMatch(/\bmy grandmother\b/i);
  });

  test("exactly one question, at the end, in every chapter", () => {
    for (const phase of CHAPTERS) {
      for (const message of MESSAGES) {
        const reply = interview({ brief: brief({ phase, themes: [pendingTheme("loss"), pendingTheme("humor")] }), messages: answered(message) });
        expect(questionMarks(reply), reply).toBe(1);
        expect(reply.endsWith("?"), reply).toBe(true);
        expect(reply).not.toMatch(/[{}[\]]|undefined|null/);
      }
    }
  });

  test("deterministic, and 20 different messages give at least 15 different replies", () => {
    const replies = MESSAGES.map((message) => interview({ brief: brief(), messages: answered(message) }));
    expect(MESSAGES.map((message) => interview({ brief: brief(), messages: answered(message) }))).toEqual(replies);
    expect(new Set(replies).size).toBeGreaterThanOrEqual(15);
  });

  test("gentle with a loss", () => {
    expect(interview({ brief: brief(), messages: answered("My father died when I was ten.") })).toMatch(/sorry|trusting me|a lot to carry/);
  });

  test("a short or unsure answer: no pressure, another way into the chapter", () => {
    const reply = interview({ brief: brief(), messages: answered("I don't know.") });
    expect(reply).toMatch(/all right|no need to force it/i);
    expect(CHAPTER_OPENERS.childhood.some((question) => reply.includes(question.slice(0, -1)))).toBe(true);
    expect(reply).not.toContain("What is your first memory");
  });

  test("a short answer with nothing in it refers back to something said earlier", () => {
    const messages: ChatTurn[] = [...answered("My grandmother Rosa lived in Lisbon."), { role: "assistant", text: "What do you remember most about her?" }, { role: "user", text: "Her laugh, mostly." }];
    expect(interview({ brief: brief(), messages })).toMatch(/Earlier you mentioned your grandmother Rosa/);
  });

  test("pending themes are woven in now and then; covered ones never", () => {
    const themes = [pendingTheme("mother_figure")];
    const replies = MESSAGES.map((message) => interview({ brief: brief({ themes }), messages: answered(message) }));
    const woven = replies.filter((reply) => /mother figure/.test(reply));
    expect(woven.length).toBeGreaterThanOrEqual(3);
    expect(woven.length).toBeLessThan(replies.length);
    for (const reply of woven) expect(themesCoveredBy({ themes: ["mother_figure"], text: reply })).toEqual(["mother_figure"]);
    const covered = MESSAGES.map((message) => interview({ brief: brief({ themes: [{ ...themes[0]!, covered: true }] }), messages: answered(message) }));
    expect(covered.some((reply) => /mother figure/.test(reply))).toBe(false);
  });

  test("a theme the interviewer already raised waits behind one it has not", () => {
    const themes = [pendingTheme("humor"), pendingTheme("courage")];
    const messages: ChatTurn[] = [{ role: "assistant", text: "What made you laugh as a child?" }, ...answered("My best friend Tomas and I built a raft on the river.")];
    const replies = MESSAGES.map((message) => interview({ brief: brief({ themes }), messages: [...messages, { role: "assistant", text: "Go on." }, { role: "user", text: message }] }));
    expect(replies.some((reply) => /courage/.test(reply))).toBe(true);
    expect(replies.some((reply) => /laugh/.test(reply))).toBe(false);
  });

  test("every theme question touches its own theme, custom ones too", () => {
    for (const theme of [...THEME_PRESETS, "rock_climbing"]) {
      for (const phase of ["childhood", "present"] as Chapter[]) {
        expect(themesCoveredBy({ themes: [theme], text: themeQuestion({ theme, phase }) }), `${theme} ${phase}`).toEqual([theme]);
      }
    }
  });

  test("never breaks, whatever they write", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHAPTERS),
        fc.oneof(fc.constantFrom(...MESSAGES), fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 })),
        (phase, message) => {
          const reply = interview({ brief: brief({ phase, themes: [pendingTheme("loss"), pendingTheme("my_first_job")] }), messages: answered(message) });
          expect(questionMarks(reply)).toBe(1);
          expect(reply.endsWith("?")).toBe(true);
          expect(reply.isWellFormed()).toBe(true);
          // The only Markdown is a chapter's bold name: their words cannot add links or emphasis.
          expect(reply.replace(/\*\*[A-Z][a-z ]+\*\*/g, "")).not.toMatch(/[*_`[\]<>]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("interview: opening a chapter", () => {
  const childhood: ChatTurn[] = [
    ...answered("My grandmother Rosa lived in Lisbon, and every summer we stayed with her."),
    { role: "assistant", text: "You mentioned your grandmother Rosa — what do you remember most about her?" },
    { role: "user", text: "Her laugh, mostly." },
  ];

  test("after next: thanks for the chapter left, with a detail from it, the new one in bold, an opening question", () => {
    const reply = interview({ brief: brief({ phase: "adolescence", transition: { from: "childhood", to: "adolescence", how: "next" } }), messages: childhood });
    expect(reply).toMatch(/^Thank you for (taking me through|sharing) your childhood/);
    expect(reply).toMatch(/your grandmother Rosa|Lisbon/);
    expect(reply).toContain("**Adolescence**");
    expect(questionMarks(reply)).toBe(1);
    expect(CHAPTER_OPENERS.adolescence.some((question) => reply.endsWith(question))).toBe(true);
  });

  test("only the chapter left counts: details of earlier chapters are not its details", () => {
    const messages: ChatTurn[] = [
      ...childhood,
      { role: "assistant", text: "Thank you. Now let's turn to **Adolescence**, the years from thirteen to eighteen. Who were your friends?" },
      { role: "user", text: "My best friend Tomas and I built a raft on the river." },
    ];
    const reply = interview({ brief: brief({ phase: "early_adulthood", transition: { from: "adolescence", to: "early_adulthood", how: "next" } }), messages });
    expect(reply).toMatch(/your teenage years/);
    expect(reply).toMatch(/Tomas/);
    expect(reply).not.toMatch(/Rosa/);
    expect(reply).toContain("**Early adulthood**");
  });

  test("a jump says where it goes, ahead or back", () => {
    expect(interview({ brief: brief({ phase: "midlife", transition: { from: "childhood", to: "midlife", how: "jump" } }), messages: childhood })).toMatch(/(jump|go) ahead to \*\*Midlife\*\*/);
    expect(interview({ brief: brief({ phase: "childhood", transition: { from: "midlife", to: "childhood", how: "jump" } }), messages: childhood })).toMatch(/(jump|go) back to \*\*Childhood\*\*/);
  });

  test("after the age question: the range, then the first chapter", () => {
    const reply = interview({ brief: brief({ phase: "family_history", ageRange: "46_60", transition: { from: "age_range", to: "family_history", how: "next" } }), messages: [] });
    expect(reply).toMatch(/^Thank you — 46–60 it is\./);
    expect(reply).toContain("**Family history**");
    expect(reply.endsWith("?")).toBe(true);
  });

  test("markers recorded in the conversation are not the person's words", () => {
    const reply = interview({
      brief: brief({ phase: "adolescence", transition: { from: "childhood", to: "adolescence", how: "next" } }),
      messages: [...childhood, { role: "user", text: "[Moving to next phase: adolescence]" }],
    });
    expect(reply).not.toContain("Moving");
    expect(reply).toMatch(/Rosa|Lisbon/);
  });

  test("a chapter with nothing said yet: its name in bold and an opening question", () => {
    const reply = interview({ brief: brief({ phase: "present" }), messages: [] });
    expect(reply).toContain("**The present**");
    expect(CHAPTER_OPENERS.present.some((question) => reply.endsWith(question))).toBe(true);
  });
});

describe("interview: greeting, age, synthesis", () => {
  test("greeting: welcome, the chronological chapters, Shall we begin?", () => {
    const reply = interview({ brief: brief({ phase: "greeting", ageRange: null }), messages: [] });
    expect(reply).toMatch(/^(Welcome|Hello, and welcome)\./);
    expect(reply).toMatch(/one chapter at a time: .*childhood.*teenage years.*today/);
    expect(reply.endsWith("Shall we begin?")).toBe(true);
    expect(interview({ brief: brief({ phase: "greeting", ageRange: null }), messages: [{ role: "user", text: "Hi, I'm Maria" }] })).toMatch(/^(Welcome|Hello, and welcome), Maria\./);
  });

  test("greeting answered yes: on to the age question", () => {
    const reply = interview({ brief: brief({ phase: "greeting", ageRange: null }), messages: [{ role: "user", text: "Yes, let's go!" }] });
    for (const range of AGE_RANGES) expect(reply).toContain(AGE_RANGE_LABELS[range]);
  });

  test("age range: asks, listing the five", () => {
    const reply = interview({ brief: brief({ phase: "age_range", ageRange: null }), messages: [] });
    for (const range of AGE_RANGES) expect(reply).toContain(AGE_RANGE_LABELS[range]);
    expect(questionMarks(reply)).toBe(1);
  });

  test("age range: acknowledges an age or range they already gave", () => {
    expect(interview({ brief: brief({ phase: "age_range", ageRange: null }), messages: [{ role: "user", text: "I'm 42" }] })).toMatch(/you're 42, which sounds like 31–45/);
    expect(interview({ brief: brief({ phase: "age_range", ageRange: null }), messages: [{ role: "user", text: "3" }] })).toMatch(/^(Thank you|Lovely) — 31–45\./);
    expect(interview({ brief: brief({ phase: "age_range", ageRange: "18_30" }), messages: [] })).toMatch(/^Thank you — 18–30 it is\. .*early adulthood and the present\./);
  });

  test("ageRangeIn reads ages, ranges, decades and the buttons", () => {
    expect(ageRangeIn({ text: "I am 16" })?.range).toBe("under_18");
    expect(ageRangeIn({ text: "I'm 30 years old" })?.range).toBe("18_30");
    expect(ageRangeIn({ text: "somewhere in 46-60" })?.range).toBe("46_60");
    expect(ageRangeIn({ text: "61+" })?.range).toBe("61_plus");
    expect(ageRangeIn({ text: "in my late fifties" })?.range).toBe("46_60");
    expect(ageRangeIn({ text: "age selected via button: 18_30" })?.range).toBe("18_30");
    expect(ageRangeIn({ text: "1" })?.range).toBe("under_18");
    expect(ageRangeIn({ text: "in my forties" })).toBeNull();
    expect(ageRangeIn({ text: "I had 3 dogs" })).toBeNull();
  });

  test("synthesis: a short closing line, no question, the story ready for cards", () => {
    const reply = interview({ brief: brief({ phase: "synthesis", transition: { from: "present", to: "synthesis", how: "next" } }), messages: answered("My grandmother Rosa lived in Lisbon.") });
    expect(questionMarks(reply)).toBe(0);
    expect(reply).toMatch(/cards/);
    expect(reply).toMatch(/your grandmother Rosa/);
    expect(reply.split(/(?<=[.!?])\s+/).length).toBeLessThanOrEqual(2);
  });

  test("every phase answers, deterministically", () => {
    for (const phase of STORY_PHASES) {
      const one = interview({ brief: brief({ phase }), messages: answered("My sister Ana.") });
      expect(one.length).toBeGreaterThan(20);
      expect(interview({ brief: brief({ phase }), messages: answered("My sister Ana.") })).toBe(one);
    }
  });
});

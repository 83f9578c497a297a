// The system prompts Gemini gets for the Life Story interview: the interviewer's persona and the
// current chapter, and the JSON-only instructions of the synthesis and of a fresh set of cards.
// Pure: the offline provider writes from the brief instead, so these are only read by the model.
import type { StoryTurn } from "@/lib/ai/types";
import { AGE_RANGE_LABELS, AGE_RANGES, CARD_TEXT_MAX, CARDS_MAX, CARDS_MIN, CHAPTERS, PHASE_LABELS, themeLabel, type AgeRange, type Chapter, type StoryPhase, type StoryTheme } from "./contract";
import { CHAPTER_ERAS, isChapter } from "./phases";

/** What each chapter explores: the interviewer's compass, and the reader's idea of the chapter. */
export const CHAPTER_TOPICS: Readonly<Record<Chapter, readonly string[]>> = {
  family_history: ["their parents and grandparents", "how their parents met", "where the family came from: migration and heritage", "family traditions", "the circumstances of their birth"],
  childhood: ["their earliest memories", "the home they grew up in", "the people around them"],
  adolescence: ["friendships", "identity: who they were becoming", "the challenges of those years"],
  early_adulthood: ["the major choices they made", "relationships", "work and career", "finding their path"],
  midlife: ["defining moments", "achievements", "the lessons those years taught"],
  present: ["where they are in life now", "what matters most to them today", "how they see their journey as a whole"],
};

const PERSONA = [
  "You are a warm, empathetic interviewer making a documentary about one person's life, and you are talking with that person now.",
  "You are curious and never judgmental: every memory is welcome, and nothing they share is good or bad, right or wrong.",
  "Ask exactly ONE open-ended question per reply, in one or two sentences in total. Never a list, never several questions.",
  "Refer back to what they said (a name, a place, a feeling, a moment) so they know you listened, and build your question on it.",
  "Never invent facts about their life and never answer for them. If they would rather not talk about something, gently move on.",
  "Plain conversational text. The only Markdown you use is bold for a chapter's name when you open a chapter.",
].join("\n");

const ageRangeList = () => AGE_RANGES.map((range) => AGE_RANGE_LABELS[range]).join(", ");

const chapterName = (phase: StoryPhase) => PHASE_LABELS[phase];

function phaseBlock({ phase, ageRange }: { phase: StoryPhase; ageRange: AgeRange | null }): string {
  switch (phase) {
    case "greeting":
      return [
        "PHASE: the welcome.",
        "Welcome them warmly and briefly. Explain that you will walk through their life chronologically, chapter by chapter: the family they came from, childhood, the teenage years, adulthood, and the present; then their story becomes a title, a timeline and a set of game cards.",
        "End by asking whether they are ready to begin.",
      ].join("\n");
    case "age_range":
      return [
        "PHASE: choosing an age range.",
        `Ask which age range fits them best, listing all five: ${ageRangeList()}. The range decides which chapters of life the interview goes through.`,
        ageRange
          ? `They have chosen ${AGE_RANGE_LABELS[ageRange]}: acknowledge it warmly and invite them to begin with their family history.`
          : "If their message already gives their age or a range, acknowledge it and ask them to confirm the range.",
      ].join("\n");
    case "synthesis":
      return [
        "PHASE: the end of the interview.",
        "Do not ask any more questions. Thank them for sharing their life with you, in one or two sentences, and tell them their story is ready to be gathered into a title, a timeline and game cards.",
      ].join("\n");
    default: {
      const era = CHAPTER_ERAS[phase];
      return [
        `PHASE: the chapter "${chapterName(phase)}" (${era}).`,
        `Explore: ${CHAPTER_TOPICS[phase].join("; ")}.`,
        "If they have not yet shared anything in this chapter, open it with an inviting question about one of these topics.",
        "Once they have shared something, follow up on the most vivid detail of their last answer (who was there, where it was, what it felt like, what it meant), and stay in this chapter: they move on themselves.",
      ].join("\n");
    }
  }
}

function ageBlock({ ageRange }: { ageRange: AgeRange | null }): string {
  return ageRange ? `AGE RANGE: ${AGE_RANGE_LABELS[ageRange]}. Speak to them as someone of that age, and only ask about years they have lived.` : "AGE RANGE: not chosen yet.";
}

function transitionBlock({ transition }: { transition: { from: StoryPhase; to: StoryPhase; how: "next" | "jump" } | null }): string {
  if (!transition) return "";
  const { from, to, how } = transition;
  const moved = how === "jump" ? `They have just jumped from "${chapterName(from)}" to the chapter "${chapterName(to)}".` : `They have just moved on from "${chapterName(from)}" to "${chapterName(to)}".`;
  if (to === "synthesis") return `TRANSITION: ${moved} Thank them for the present chapter, recalling one thing they shared, then close the interview as described.`;
  if (!isChapter(to)) return `TRANSITION: ${moved}`;
  const thanks = isChapter(from)
    ? `first thank them for sharing about ${chapterName(from).toLowerCase()}, recalling one specific thing they told you there.`
    : "first acknowledge what they just told you in a few words.";
  return [
    `TRANSITION: ${moved}`,
    `In this reply: ${thanks} Then announce the new chapter with its name in bold, exactly **${chapterName(to)}**, and ask one opening question about it.`,
  ].join("\n");
}

function themesBlock({ themes, phase }: { themes: readonly StoryTheme[]; phase: StoryPhase }): string {
  if (!themes.length || !isChapter(phase)) return "";
  const pending = themes.filter((theme) => !theme.covered).map((theme) => theme.label || themeLabel(theme.theme));
  const covered = themes.filter((theme) => theme.covered).map((theme) => theme.label || themeLabel(theme.theme));
  return [
    "FOCUS THEMES the person chose for their story.",
    pending.length
      ? `Pending (not yet touched on): ${pending.join(", ")}. Weave one of them into a question now and then, naturally and where it fits this chapter, so each comes up at least once; never force it.`
      : "Every chosen theme has been touched on already.",
    covered.length ? `Already covered: ${covered.join(", ")}. No need to push these again, though they may come up.` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

/** The interviewer's system prompt for one reply: persona, the phase's topics, a transition to open, the themes to weave in. */
export function interviewerPrompt({
  phase,
  ageRange,
  themes,
  transition,
}: {
  phase: StoryPhase;
  ageRange: AgeRange | null;
  themes: readonly StoryTheme[];
  transition: { from: StoryPhase; to: StoryPhase; how: "next" | "jump" } | null;
}): string {
  return [PERSONA, phaseBlock({ phase, ageRange }), ageBlock({ ageRange }), transitionBlock({ transition }), themesBlock({ themes, phase })].filter(Boolean).join("\n\n");
}

const CARD_RULES = [
  `- "title": 2 to 5 words, at most 60 characters, evocative (no quotation marks).`,
  `- "text": at most ${CARD_TEXT_MAX} characters, third person ("she", "he", "they" or their name, never "I" or "you"), a short narrative of one vivid moment, true to what they said.`,
  `- "phase": the chapter the moment belongs to, one of ${CHAPTERS.map((chapter) => `"${chapter}"`).join(", ")}.`,
  `- "theme": one word or two joined by "_", lower case: one of their focus themes (when they are given) if it fits, otherwise what the moment is about (e.g. "family", "growth", "courage").`,
  "- Vary the themes and the chapters; no two cards about the same moment or person.",
].join("\n");

/** The synthesis instructions (generateJson with synthesisSchema): the whole interview comes as the messages. */
export const SYNTHESIS_PROMPT = [
  "You are a biographer's assistant. The conversation is a life-story interview; turn it into the person's Life Story Game.",
  "Write only from what the person said: leave out the interviewer's questions and invent nothing. Keep names of people and places. Third person throughout.",
  "Reply with JSON only, no prose and no code fences, exactly this shape:",
  `{"title": string, "essence": string, "timeline": [{"chapter": string, "era": string, "summary": string}], "key_moments": [{"moment": string, "when": string}], "cards": [{"title": string, "text": string, "phase": string, "theme": string}]}`,
  "- title: a poetic title of at most 5 words.",
  "- essence: 1–2 sentences on what their story is about at heart (at most 400 characters).",
  `- timeline: exactly 5 chapters in chronological order; "chapter" a short chapter title (at most 60 characters), "era" the ages or years it covers (e.g. "${CHAPTER_ERAS.childhood}", "1987–1995", "${CHAPTER_ERAS.present}"; at most 40 characters), "summary" one or two sentences (at most 300 characters). Use the chapters they talked about; if there are fewer than five, add the one still ahead of them.`,
  `- key_moments: 5 to 7 vivid moments, specific enough to illustrate on a card, in chronological order; "moment" at most 200 characters, "when" an approximate age or year (at most 40 characters).`,
  `- cards: ${CARDS_MIN} to ${CARDS_MAX} printable game cards (${CARDS_MIN} for a thin story), each with:`,
  CARD_RULES,
].join("\n");

/** The instructions for `count` new cards (generateJson with cardSetSchema), none on the topic of a locked card. */
export function cardsPrompt({ count, locked }: { count: number; locked: readonly { title: string; text: string }[] }): string {
  const lockedList = locked.length
    ? ["The person has locked these cards; they stay. Do NOT write about the same moment, person or topic as any of them:", ...locked.map((card) => `- "${card.title}": ${card.text}`)].join("\n")
    : "";
  return [
    "You are a story curator making printable game cards from a life-story interview (the conversation). Write only from what the person said; leave out the interviewer's questions and invent nothing.",
    "Reply with JSON only, no prose and no code fences, exactly this shape:",
    `{"cards": [{"title": string, "text": string, "phase": string, "theme": string}]}`,
    `Write exactly ${count} card${count === 1 ? "" : "s"}, each with:`,
    CARD_RULES,
    lockedList,
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * The interview as the synthesis and card prompts read it, one chapter after another: the answers
 * often only make sense next to their question. The greeting and the age question are left out.
 */
export function transcriptForPrompt({ transcript }: { transcript: readonly StoryTurn[] }): string {
  const lines: string[] = [];
  let chapter: StoryPhase | null = null;
  for (const turn of transcript) {
    if (!isChapter(turn.phase) || !turn.text.trim()) continue;
    if (turn.phase !== chapter) {
      chapter = turn.phase;
      lines.push(`## ${chapterName(chapter)} (${CHAPTER_ERAS[chapter]})`);
    }
    lines.push(`${turn.role === "user" ? "Person" : "Interviewer"}: ${turn.text.trim()}`);
  }
  return lines.join("\n");
}

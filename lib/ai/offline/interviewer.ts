// The offline Life Story interviewer: a warm follow-up built on what the person just said (the people,
// places, feelings and times in it), one open question at a time, a focus theme woven in now and
// then, and the greeting, the age question, chapter openers and the closing line. Deterministic: the
// same conversation gives the same reply; the seed is the message, the phase and the turn count.
import { AGE_RANGE_LABELS, AGE_RANGES, CHAPTERS, PHASE_LABELS, THEME_PRESETS, type AgeRange, type Chapter, type StoryPhase, type ThemePreset } from "@/lib/story/contract";
import { ageRangeIn } from "@/lib/story/flow";
import { CHAPTERS_BY_AGE_RANGE, isChapter } from "@/lib/story/phases";
import { themesCoveredBy } from "@/lib/story/themes";
import type { Brief, ChatTurn } from "../types";
import { HARD_FEELINGS, cleanText, isMarker, readDetails, retell, salience, type Details, type Person, type Place, type TimeMention } from "./life-details";
import { createPhrasing, hashText, splitSentences, tidySentence, type Phrasing } from "./phrasing";

export type InterviewerBrief = Extract<Brief, { kind: "interviewer" }>;

// --- The chapters, as an interviewer speaks of them ------------------------------------------------

/** What the person shared in a chapter, for thanking them afterwards. */
const CHAPTER_SPAN: Readonly<Record<Chapter, string>> = {
  family_history: "your family's story",
  childhood: "your childhood",
  adolescence: "your teenage years",
  early_adulthood: "your early adult years",
  midlife: "your midlife years",
  present: "where you are today",
};

/** How a new chapter is introduced after its bold name. */
const CHAPTER_REACH: Readonly<Record<Chapter, string>> = {
  family_history: "the story that began before you did",
  childhood: "the years up to about twelve",
  adolescence: "the years from thirteen to eighteen",
  early_adulthood: "from nineteen to your mid-thirties",
  midlife: "from your mid-thirties to sixty",
  present: "where you are now",
};

/** "When" inside a question about the chapter. */
const THEN: Readonly<Record<Chapter, string>> = {
  family_history: "back then",
  childhood: "as a child",
  adolescence: "as a teenager",
  early_adulthood: "in those years",
  midlife: "in those years",
  present: "these days",
};

const OPENERS: Readonly<Record<Chapter, readonly string[]>> = {
  family_history: [
    "What do you know about how your parents met?",
    "Who were your grandparents, and what stories were told about them?",
    "Where does your family come from, and how did they come to be where you were born?",
    "Which family traditions do you remember being passed down to you?",
    "What were you told about the day you were born, and the world you were born into?",
  ],
  childhood: [
    "What is the very first memory you can find when you think back?",
    "What was the home you grew up in like — could you walk me through it?",
    "Who were the people who filled your days when you were small?",
    "What did a perfect afternoon look like when you were about eight?",
  ],
  adolescence: [
    "Who were your closest friends as a teenager, and what did you get up to together?",
    "When did you first start to feel like your own person?",
    "What was the hardest part of being a teenager for you?",
    "What music, places or people defined those years for you?",
  ],
  early_adulthood: [
    "What was the first big choice you made on your own as a young adult?",
    "How did you find your way into work — or did it find you?",
    "Who did you share those early adult years with?",
    "When did you first feel you had found your own path?",
  ],
  midlife: [
    "Looking at the years from your mid-thirties on, which moment stands out as a turning point?",
    "What achievement from those years are you quietly proud of?",
    "What did those middle years teach you that you wish you had known sooner?",
    "Who stood beside you through the middle of your life?",
  ],
  present: [
    "Where do you find yourself in life today?",
    "What matters most to you now?",
    "When you look back over the whole journey, how does it look from here?",
    "What does an ordinary good day look like for you now?",
  ],
};

// --- Focus themes ----------------------------------------------------------------------------------

// Each line names its theme in words the theme's keywords recognise, so asking about it counts as
// touching it when the conversation is scanned.
const THEME_QUESTIONS: Readonly<Record<ThemePreset, { past: string; present: string }>> = {
  adventure: { past: "was there an adventure {then} that you still think about", present: "what adventure is still calling you" },
  family: { past: "what was your family like {then}", present: "what does family mean to you today" },
  career: { past: "how did work, or the idea of a career, come into your life {then}", present: "where does work sit in your life now" },
  love: { past: "was there someone you loved {then}, or who loved you", present: "who do you love most in your life now" },
  challenge: { past: "what was the biggest challenge you faced {then}", present: "what challenge are you facing these days" },
  growth: { past: "what was the most important lesson you learned {then}", present: "what lesson from the whole journey matters most to you now" },
  travel: { past: "did you travel anywhere {then} that changed how you saw the world", present: "is there somewhere you still dream of travelling to" },
  friendship: { past: "who was your closest friend {then}", present: "which friends are closest to you now" },
  legacy: { past: "what from that time would you want to pass on to the people who come after you", present: "what would you like your legacy to be" },
  identity: { past: "how did that time shape your sense of identity, of who you were", present: "how would you describe who you are today" },
  father_figure: { past: "who was a father figure to you {then}", present: "who has been a father figure to you along the way" },
  mother_figure: { past: "was there someone who was a mother figure to you {then}", present: "who has been a mother figure to you along the way" },
  mentor: { past: "was there a teacher or a mentor {then} who saw something in you", present: "who has been a mentor to you along the way" },
  loss: { past: "was there a loss {then} that stayed with you", present: "how do you carry the losses of your life today" },
  success: { past: "what was a success {then} that you are quietly proud of", present: "what success are you proudest of, looking back" },
  failure: { past: "was there a failure or a mistake {then} that taught you something", present: "what failure turned out to teach you the most" },
  humor: { past: "what made you laugh {then}", present: "what still makes you laugh" },
  courage: { past: "when did you need courage {then}", present: "where do you find courage these days" },
  resilience: { past: "how did you keep going {then} when things were hard", present: "where does your resilience come from, do you think" },
};

const PRESET_SET: ReadonlySet<string> = new Set(THEME_PRESETS);

/**
 * The question that weaves a theme in, without its question mark (it may end a longer question, and
 * then says only "then": the chapter's own "as a child" is usually in the question already).
 */
export function themeQuestion({ theme, phase, appended = false }: { theme: string; phase: Chapter; appended?: boolean }): string {
  const tense = phase === "present" ? "present" : "past";
  const template = PRESET_SET.has(theme)
    ? THEME_QUESTIONS[theme as ThemePreset][tense]
    : tense === "present"
      ? "where does {label} fit into your life today"
      : "where did {label} come into your life {then}";
  return template.replace("{then}", appended ? "then" : THEN[phase]).replace("{label}", theme.replaceAll("_", " "));
}

// --- Reading the conversation ----------------------------------------------------------------------

type Said = { text: string; details: Details };

const personWords = (messages: readonly ChatTurn[]) => messages.filter((turn) => turn.role === "user" && !isMarker(turn.text) && cleanText(turn.text));

/** The person's last words, if they spoke after the interviewer's last reply. */
function lastSaid(messages: readonly ChatTurn[]): Said | null {
  const last = [...messages].reverse().find((turn) => !(turn.role === "user" && (isMarker(turn.text) || !cleanText(turn.text))));
  if (!last || last.role !== "user") return null;
  const text = cleanText(last.text).slice(0, 2000);
  return { text, details: readDetails(text) };
}

/** The person's words in the chapter just left: after the interviewer opened it (its name in bold), or all of them. */
function wordsOfChapter({ messages, chapter }: { messages: readonly ChatTurn[]; chapter: StoryPhase }): ChatTurn[] {
  const opened = messages.findLastIndex((turn) => turn.role === "assistant" && turn.text.includes(`**${PHASE_LABELS[chapter]}**`));
  return personWords(opened < 0 ? messages : messages.slice(opened + 1));
}

/** A detail to hold on to, as a noun phrase for "about …": the best of the most vivid message. */
type Focus =
  | { kind: "person"; person: Person; place: Place | null }
  | { kind: "place"; place: Place }
  | { kind: "time"; time: TimeMention }
  | { kind: "feeling"; feeling: string };

function focusOf(details: Details): Focus | null {
  const named = details.people.find((person) => person.name);
  const capitalPlace = details.places.find((place) => /^(?:the\s+)?\p{Lu}/u.test(place.said));
  const place = capitalPlace ?? details.places[0] ?? null;
  if (named) return { kind: "person", person: named, place };
  if (capitalPlace) return { kind: "place", place: capitalPlace };
  if (details.people[0]) return { kind: "person", person: details.people[0], place };
  if (details.times[0]) return { kind: "time", time: details.times[0] };
  if (place) return { kind: "place", place };
  if (details.feelings[0]) return { kind: "feeling", feeling: details.feelings[0] };
  return null;
}

function bestFocus(turns: readonly ChatTurn[]): Focus | null {
  const read = turns.map((turn) => readDetails(turn.text));
  const best = read.reduce<Details | null>((top, details) => (!top || salience(details) > salience(top) ? details : top), null);
  return best ? focusOf(best) : null;
}

/** Someone's words said back to them, mid-sentence: "my grandmother Rosa" → "your grandmother Rosa". */
function toYou(said: string): string {
  const retold = retell({ text: said, voice: "second" });
  return /^(?:Your|Yours|You)\b/.test(retold) ? retold.charAt(0).toLowerCase() + retold.slice(1) : retold;
}

function aboutPhrase(focus: Focus): string {
  switch (focus.kind) {
    case "person":
      return toYou(focus.person.said);
    case "place":
      return toYou(focus.place.said);
    case "time":
      return focus.time.noun;
    case "feeling":
      return `feeling so ${focus.feeling}`;
  }
}

// --- Small talk: names, yes, not sure ------------------------------------------------------------

const AFFIRMATIVE = /^(?:yes|yeah|yep|yup|sure|ok|okay|ready|let'?s|lets|go|sim|vamos|of course|absolutely|definitely|i'?m ready|i am ready|start|begin)\b/i;
const UNSURE = /\b(?:don'?t know|do not know|not sure|can'?t remember|cannot remember|don'?t remember|no idea|nothing comes|rather not|skip|pass)\b|^no\b/i;

function introducedName(text: string): string | null {
  const found = /\b(?:[Ii]['’]?m|[Ii] am|[Mm]y name is|[Mm]y name['’]s|[Cc]all me|[Tt]his is)\s+([\p{Lu}][\p{L}'’-]{1,30})/u.exec(text);
  if (!found) return null;
  const name = found[1]!;
  return /^(?:Ready|Here|Fine|Good|Okay|Ok|Happy|Excited|Nervous|Not|So|Very|In|From|A|The)$/.test(name) ? null : name;
}

/** A short clause of what they said, safe to quote back: no Markdown, no question marks. */
function echoClause(text: string): string {
  const first = splitSentences(text)[0] ?? text;
  const stripped = first
    .replace(/[*_[\]()<>#`~|\\{}?!"“”]/g, "")
    .replace(/^(?:yes|yeah|well|oh|um+|uh+|so|hmm+|ah|honestly|actually)\b[,\s]*/i, "")
    .replace(/[.,;:…\s]+$/u, "");
  const words = stripped.split(/\s+/).filter(Boolean);
  if (words.length <= 14) return words.join(" ");
  const cut = words.slice(0, 14).join(" ");
  const comma = cut.search(/,[^,]*$/);
  return comma > 20 ? cut.slice(0, comma) : cut;
}

// --- Age ranges ---------------------------------------------------------------------------------

const AGE_LIST = `${AGE_RANGES.slice(0, -1)
  .map((range) => AGE_RANGE_LABELS[range])
  .join(", ")}, or ${AGE_RANGE_LABELS["61_plus"]}`;

// --- The replies ------------------------------------------------------------------------------------

const finish = (sentences: readonly (string | null | undefined)[]) =>
  sentences
    .filter((sentence): sentence is string => Boolean(sentence))
    .map(tidySentence)
    .join(" ");

function greeting({ phrasing, said }: { phrasing: Phrasing; said: Said | null }): string {
  if (said && AFFIRMATIVE.test(said.text)) return ageQuestion({ phrasing, lead: phrasing.pick(["Wonderful — let's begin.", "Lovely, let's begin.", "Wonderful."]) });
  const name = said ? introducedName(said.text) : null;
  return finish([
    phrasing.fill("[Welcome|Hello, and welcome]{name}. [I'm so glad you're here|It's lovely to have you here].", { name: name ? `, ${name}` : "" }),
    phrasing.fill(
      "Together we'll walk through your life [in order|chronologically], one chapter at a time: [the family you came from|your family's roots], your childhood, your teenage years, the years that followed, and where you are today.",
    ),
    phrasing.pick(["I'll ask one question at a time, and there are no wrong answers.", "There are no wrong answers, and you can take all the time you need."]),
    phrasing.fill("[At the end, your story becomes|When we're done, I'll gather it all into] a title, a timeline and a set of game cards."),
    "Shall we begin?",
  ]);
}

function ageQuestion({ phrasing, lead }: { phrasing: Phrasing; lead?: string }): string {
  return finish([lead, phrasing.fill("[Before we begin|To find the right chapters for your story], which age range fits you best: {list}?", { list: AGE_LIST })]);
}

const chapterList = (range: AgeRange) => {
  const labels = [...CHAPTERS_BY_AGE_RANGE[range], "present" as const].map((chapter) => PHASE_LABELS[chapter].toLowerCase());
  return `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
};

function ageReply({ phrasing, said, ageRange }: { phrasing: Phrasing; said: Said | null; ageRange: AgeRange | null }): string {
  if (ageRange) {
    return finish([
      phrasing.fill("Thank you — {label} it is.", { label: AGE_RANGE_LABELS[ageRange] }),
      phrasing.fill("[So we'll travel through|That means our chapters will be] {chapters}.", { chapters: chapterList(ageRange) }),
      phrasing.pick(["Shall we start with the family you came from?", "Shall we begin where your story begins, with your family?"]),
    ]);
  }
  const heard = said ? ageRangeIn({ text: said.text }) : null;
  if (heard) {
    const acknowledged = heard.heard === AGE_RANGE_LABELS[heard.range] ? phrasing.fill("[Thank you|Lovely] — {label}.", { label: heard.heard }) : phrasing.fill("[You mentioned|Thank you — so] {heard}, which sounds like {label}.", { heard: heard.heard, label: AGE_RANGE_LABELS[heard.range] });
    return finish([acknowledged, phrasing.fill("Could you confirm it by choosing your age range: {list}?", { list: AGE_LIST })]);
  }
  return ageQuestion({ phrasing });
}

/** An opening question for a chapter, not one the interviewer already asked. */
function opener({ phrasing, chapter, messages }: { phrasing: Phrasing; chapter: Chapter; messages: readonly ChatTurn[] }): string {
  const asked = messages.filter((turn) => turn.role === "assistant").map((turn) => turn.text);
  const fresh = OPENERS[chapter].filter((question) => !asked.some((text) => text.includes(question)));
  return phrasing.pick(fresh.length ? fresh : OPENERS[chapter]);
}

function closing({ phrasing, messages }: { phrasing: Phrasing; messages: readonly ChatTurn[] }): string {
  const focus = bestFocus(personWords(messages));
  return finish([
    focus
      ? phrasing.fill("Thank you for sharing your life with me — [I won't forget|I'll carry with me what you told me about] {detail}.", { detail: aboutPhrase(focus) })
      : phrasing.pick(["Thank you for sharing your life with me.", "Thank you for trusting me with your story."]),
    phrasing.pick([
      "Your story is ready to be gathered into a title, a timeline and a set of game cards.",
      "Everything you've told me is ready to be gathered into your story's title, its timeline and its cards.",
    ]),
  ]);
}

function chapterOpening({ phrasing, brief, messages }: { phrasing: Phrasing; brief: InterviewerBrief; messages: readonly ChatTurn[] }): string {
  const transition = brief.transition!;
  const to = brief.phase as Chapter;
  const from = transition.from;
  let thanks: string;
  if (isChapter(from)) {
    const focus = bestFocus(wordsOfChapter({ messages, chapter: from }));
    thanks = focus
      ? phrasing.fill("Thank you for [taking me through {span}|sharing {span} with me] — [I won't forget what you told me about|I'll hold on to what you shared about] {detail}.", {
          span: CHAPTER_SPAN[from],
          detail: aboutPhrase(focus),
        })
      : phrasing.fill("Thank you for [taking me through {span}|sharing {span} with me].", { span: CHAPTER_SPAN[from] });
  } else if (from === "age_range" && brief.ageRange) {
    thanks = phrasing.fill("Thank you — {label} it is.", { label: AGE_RANGE_LABELS[brief.ageRange] });
  } else {
    thanks = phrasing.pick(["Thank you.", "Wonderful."]);
  }
  const label = `**${PHASE_LABELS[to]}**`;
  const announce =
    transition.how === "jump" && isChapter(from)
      ? phrasing.fill("Let's [jump|go] {direction} to {label}, {reach}.", { direction: CHAPTERS.indexOf(to) > CHAPTERS.indexOf(from) ? "ahead" : "back", label, reach: CHAPTER_REACH[to] })
      : phrasing.fill("[Now let's turn to|Let's step into|That brings us to] {label}, {reach}.", { label, reach: CHAPTER_REACH[to] });
  return finish([thanks, announce, opener({ phrasing, chapter: to, messages })]);
}

// Questions about the detail they gave. The reflection before them names it, so they refer back:
// {obj}/{subj} the person (by pronoun), "it" and "there" the place, "that time" and "then" the time.
const PERSON_QUESTIONS = {
  past: [
    "what do you remember most about {obj}?",
    "what is one thing {subj} used to say that has stayed with you?",
    "how did {subj} shape who you were {then}?",
    "what did a day with {obj} look like {then}?",
    "if you close your eyes, where do you see {obj}?",
    "what would you want people to know about {obj}?",
  ],
  present: ["how often do you think of {obj} these days?", "what do you share with {obj} these days?", "what would you want people to know about {obj}?"],
};
const PLACE_QUESTIONS = {
  past: ["what did it look, sound or smell like to you {then}?", "what is one moment there that you would like to hold on to?", "what made it feel the way it did?", "who was with you there?"],
  present: ["what does it mean to you today?", "what does a good day there look like for you now?"],
};
const TIME_QUESTIONS = {
  past: ["what else do you remember from that time?", "what was happening around you then?", "what do you see first when you think back to that time?"],
  present: ["what else stands out for you from that time?", "what has that time meant for you?"],
};
const FEELING_QUESTIONS = {
  past: ["what was it that made you feel that way?", "where do you think that feeling came from?", "who, if anyone, did you share that feeling with?", "how did you carry that feeling with you afterwards?"],
  present: ["what makes you feel that way these days, do you think?", "where does that feeling come from, do you think?"],
};
const ECHO_QUESTIONS = {
  past: ["what do you remember feeling in that moment?", "who else was part of that?", "what did it mean to you at the time?", "how do you think it shaped the person you became?", "what is the first image that comes to mind when you think of it?"],
  present: ["what does that mean for you now?", "how did you come to that, do you think?", "who shares that with you today?"],
};

const SUBJECT: Readonly<Record<Person["pronoun"], string>> = { her: "she", him: "he", them: "they" };
const LOSS = /\b(?:died|dying|death|passed away|passing|funeral|grief|grieving|lost (?:my|our|her|his|their))\b/i;

/** A reference back to what they said: "You mentioned Rosa" stands as a sentence, a bare "Rosa in Lisbon" only before a dash. */
type Reflection = { text: string; standalone: boolean };

function followUp({ phrasing, said, chapter, messages, pending }: { phrasing: Phrasing; said: Said; chapter: Chapter; messages: readonly ChatTurn[]; pending: readonly string[] }): string {
  const tense = chapter === "present" ? "present" : "past";
  const words = said.text.split(/\s+/).filter(Boolean).length;
  let focus = focusOf(said.details);
  let earlier = false;
  if (!focus && (words <= 2 || (words <= 6 && (UNSURE.test(said.text) || AFFIRMATIVE.test(said.text))))) {
    // "yes", "not sure": nothing to follow, so another way into the chapter.
    const lead = UNSURE.test(said.text)
      ? phrasing.pick(["That's all right — memories don't always come when called.", "That's perfectly all right; there's no right answer here.", "No need to force it."])
      : phrasing.pick(["Thank you.", "All right.", "Lovely."]);
    return ask({ phrasing, lead, reflection: null, question: opener({ phrasing, chapter, messages }), pending, chapter, chance: 0.5 });
  }
  if (!focus && words < 8) {
    // Too little to echo: hold on to something they said earlier instead.
    focus = bestFocus(personWords(messages).slice(0, -1));
    earlier = Boolean(focus);
  }

  const loss = LOSS.test(said.text);
  const hard = loss || said.details.feelings.some((feeling) => HARD_FEELINGS.has(feeling));
  const lead = hard
    ? phrasing.pick(loss ? ["I'm so sorry — that can't have been easy.", "Thank you for trusting me with that."] : ["Thank you for trusting me with that.", "That sounds like a lot to carry."])
    : phrasing.chance(0.45)
      ? phrasing.pick(["Thank you for sharing that.", "What a picture that is.", "I can hear how much that stayed with you.", "I'm glad you told me that."])
      : null;

  const slots: Record<string, string> = { then: THEN[chapter] };
  const reflect = (options: readonly Reflection[]): Reflection => {
    const chosen = phrasing.pick(options);
    return { text: phrasing.fill(chosen.text, slots), standalone: chosen.standalone };
  };
  let reflection: Reflection;
  let question: string;
  if (focus?.kind === "person") {
    Object.assign(slots, {
      who: toYou(focus.person.said),
      where: focus.place ? ` ${toYou(focus.place.where)}` : "",
      obj: focus.person.pronoun,
      subj: SUBJECT[focus.person.pronoun],
    });
    question = phrasing.pick(PERSON_QUESTIONS[tense]);
    reflection = earlier
      ? reflect([{ text: "Earlier you mentioned {who}{where}", standalone: true }])
      : reflect([
          { text: "You mentioned {who}{where}", standalone: true },
          { text: "{who}{where}", standalone: false },
          { text: "I'm picturing {who}{where}", standalone: true },
        ]);
  } else if (focus?.kind === "place") {
    Object.assign(slots, { place: toYou(focus.place.said), where: toYou(focus.place.where) });
    question = phrasing.pick(PLACE_QUESTIONS[tense]);
    reflection = earlier
      ? reflect([{ text: "Earlier you mentioned {place}", standalone: true }])
      : reflect([
          { text: "You mentioned {place}", standalone: true },
          { text: "{place}", standalone: false },
          { text: "You took me to {place} just now", standalone: true },
        ]);
  } else if (focus?.kind === "time") {
    Object.assign(slots, { tn: focus.time.noun, ta: focus.time.adverbial });
    question = phrasing.pick(TIME_QUESTIONS[tense]);
    reflection = earlier
      ? reflect([{ text: "Earlier you mentioned {tn}", standalone: true }])
      : reflect([
          { text: "You took me back to {tn}", standalone: true },
          { text: "{tn}", standalone: false },
          { text: "You mentioned {tn}", standalone: true },
        ]);
  } else if (focus?.kind === "feeling") {
    slots.f = focus.feeling;
    question = phrasing.pick(FEELING_QUESTIONS[tense]);
    reflection = earlier
      ? reflect([{ text: "Earlier you said you felt {f}", standalone: true }])
      : reflect([
          { text: "You said you felt {f}", standalone: true },
          { text: tense === "present" ? "I can hear how {f} you feel" : "I can hear how {f} you were", standalone: true },
        ]);
  } else {
    // Nothing named: their own words, said back ("You said you…"), or quoted when they do not turn into "you".
    const clause = echoClause(said.text);
    const retold = toYou(clause);
    question = phrasing.pick(ECHO_QUESTIONS[tense]);
    reflection = /^(?:you|your)\b/i.test(retold) && retold !== clause ? { text: `You said ${retold}`, standalone: true } : { text: `"${clause}"`, standalone: false };
  }
  return ask({ phrasing, lead, reflection, question: phrasing.fill(question, slots), pending, chapter, chance: 0.35 });
}

/**
 * The end of a reply: an optional lead, the reflection, and the one question, with a pending theme
 * woven in now and then, appended ("…, and was there someone who was a mother figure to you then?")
 * or asked in the question's place after a reflection that stands on its own.
 */
function ask({
  phrasing,
  lead,
  reflection,
  question,
  pending,
  chapter,
  chance,
}: {
  phrasing: Phrasing;
  lead: string | null;
  reflection: Reflection | null;
  question: string;
  pending: readonly string[];
  chapter: Chapter;
  chance: number;
}): string {
  const theme = pending.length && phrasing.chance(chance) ? phrasing.pick(pending) : null;
  // A lead and a reflection make two sentences already: the reflection then leads into the question.
  const fused = reflection && (!reflection.standalone || Boolean(lead) || phrasing.chance(0.5));
  if (theme && reflection?.standalone && !lead && phrasing.chance(0.5)) {
    return finish([`${reflection.text}.`, phrasing.fill("[I'm also curious:|I'd love to know,|Tell me,] {themed}?", { themed: themeQuestion({ theme, phase: chapter }) })]);
  }
  const asked = theme ? `${question.replace(/\?\s*$/, "")}, and ${themeQuestion({ theme, phase: chapter, appended: true })}?` : question;
  if (!reflection) return finish([lead, asked]);
  return fused ? finish([lead, `${reflection.text} — ${asked}`]) : finish([lead, `${reflection.text}.`, asked]);
}

/**
 * The interviewer's reply to the conversation so far, for the phase in the brief: one warm, open
 * question (the greeting asks "Shall we begin?"; the synthesis asks nothing and closes).
 */
export function interview({ brief, messages }: { brief: InterviewerBrief; messages: readonly ChatTurn[] }): string {
  const said = lastSaid(messages);
  const transition = brief.transition && brief.transition.to === brief.phase ? brief.transition : null;
  const phrasing = createPhrasing({ seed: hashText(`${said?.text ?? ""}|${brief.phase}|${messages.length}|${transition ? `${transition.from}>${transition.how}` : ""}`) });

  switch (brief.phase) {
    case "greeting":
      return greeting({ phrasing, said });
    case "age_range":
      return ageReply({ phrasing, said, ageRange: brief.ageRange });
    case "synthesis":
      return closing({ phrasing, messages });
    default: {
      const chapter = brief.phase;
      if (transition) return chapterOpening({ phrasing, brief, messages });
      if (!said) return finish([phrasing.fill("Let's talk about **{label}**, {reach}.", { label: PHASE_LABELS[chapter], reach: CHAPTER_REACH[chapter] }), opener({ phrasing, chapter, messages })]);
      // Themes the interviewer already raised wait their turn behind the ones it has not.
      const pending = brief.themes.filter((theme) => !theme.covered).map((theme) => theme.theme);
      const raised = new Set(themesCoveredBy({ themes: pending, text: messages.filter((turn) => turn.role === "assistant").map((turn) => turn.text).join("\n") }));
      const fresh = pending.filter((theme) => !raised.has(theme));
      return followUp({ phrasing, said, chapter, messages, pending: fresh.length ? fresh : pending });
    }
  }
}

// Exported for tests: the chapters' opening questions.
export { OPENERS as CHAPTER_OPENERS };

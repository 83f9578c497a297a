// The offline biographer: turns a Life Story interview into its synthesis (a title, an essence, a
// five-chapter timeline, key moments and game cards) and writes fresh cards around the locked ones.
// Everything comes from the person's own sentences, retold in the third person; where they said
// little, gentle generic wording fills the shape, so the output always validates. Deterministic.
import { CARDS_MAX, CARDS_MIN, CARD_TEXT_MAX, CHAPTERS, PHASE_LABELS, THEME_PRESETS, themeLabel, themeSchema, type Chapter, type StoryPhase, type Synthesis } from "@/lib/story/contract";
import { CHAPTER_ERAS, isChapter } from "@/lib/story/phases";
import { themesCoveredBy } from "@/lib/story/themes";
import type { StoryTurn } from "../types";
import { cleanText, clip, isMarker, readDetails, retell, salience, type Details } from "./life-details";
import { createPhrasing, hashText, splitSentences, type Phrasing } from "./phrasing";

export type StoryCardDraft = Synthesis["cards"][number];
export type LockedCard = { title: string; text: string; phase: string; theme: string };

// --- The story as the person told it ----------------------------------------------------------------

/** One sentence the person said in a chapter, with what it holds. */
type Line = { chapter: Chapter; order: number; text: string; details: Details; words: number };
/** One message the person sent in a chapter: a card is made of one. */
type Message = { chapter: Chapter; order: number; text: string; lines: Line[] };

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
// Not an answer worth a card or a moment: "yes", "I don't know".
const NON_ANSWER = /^(?:yes|yeah|no|nope|ok|okay|sure|maybe|hi|hello|hey|thanks|thank you|i don'?t know|not sure|i can'?t remember|i don'?t remember|no idea|skip|pass)\b[\s.!,]*$/i;

function readStory(transcript: readonly StoryTurn[]): Message[] {
  const messages: Message[] = [];
  transcript.forEach((turn, order) => {
    if (turn.role !== "user" || !isChapter(turn.phase) || isMarker(turn.text)) return;
    const text = cleanText(turn.text).slice(0, 4000);
    if (!text || NON_ANSWER.test(text)) return;
    const lines = splitSentences(text)
      .map((sentence) => cleanText(sentence))
      .filter((sentence) => sentence && !sentence.endsWith("?"))
      .map((sentence) => ({ chapter: turn.phase as Chapter, order, text: sentence, details: readDetails(sentence), words: countWords(sentence) }));
    if (lines.length) messages.push({ chapter: turn.phase as Chapter, order, text, lines });
  });
  return messages;
}

/** Someone they named, mid-sentence: "my grandmother Rosa" → "their grandmother Rosa". */
function aboutThemMidSentence(said: string): string {
  const retold = retell({ text: said, voice: "third" });
  return /^(?:Their|They|Them)\b/.test(retold) ? retold.charAt(0).toLowerCase() + retold.slice(1) : retold;
}

/** Their words about them: "I" becomes "they", a capital to start and a full stop to end. */
function aboutThem(text: string): string {
  const retold = retell({ text, voice: "third" }).trim();
  const capital = retold.charAt(0).toUpperCase() + retold.slice(1);
  return /[.!?…"”')]$/u.test(capital) ? capital : `${capital}.`;
}

/** Sentences retold about them, as many as fit in `max` characters (one at least, clipped if it must). */
function retold(lines: readonly Line[], max: number): string {
  let text = "";
  for (const line of lines) {
    const sentence = aboutThem(line.text);
    const joined = text ? `${text} ${sentence}` : sentence;
    if (joined.length > max) break;
    text = joined;
  }
  return text || clip(aboutThem(lines[0]!.text), max);
}

const lineScore = (line: Line) => salience(line.details) + Math.min(line.words, 30) / 10 - (line.words < 4 ? 3 : 0);

// --- Topics: what makes two cards the same card ---------------------------------------------------

const TITLE_FILLER = new Set(
  ("a an the of in on at to for with and or from by as into their his her our your my its it all they them what was who where how so " +
    "days day years year life time times moment moments memories memory first story chapter family childhood teenage today early back down up out own " +
    "remembered remembering feeling that this is").split(" "),
);
const TEXT_FILLER = new Set(
  ("the and for with that this from into about which what when where who whom why how all some more most one first still like just very much many also then " +
    "than there here every each would could should will can not but are was were had has have been being because while over after before again they them " +
    "their theirs themselves she her hers he him his it its you your our ours we us i me my mine did does do so too only even ever never always").split(" "),
);

const singular = (word: string) => (word.length > 4 && word.endsWith("ies") ? `${word.slice(0, -3)}y` : word.length > 3 && /[^s]s$/.test(word) ? word.slice(0, -1) : word);
const wordsOf = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(singular);

/** The words that make a title's topic ("Summers in Lisbon" → summer, lisbon). */
export const titleTopics = (title: string) => new Set(wordsOf(title).filter((word) => !TITLE_FILLER.has(word)));
const textTopics = (text: string) => new Set(wordsOf(text).filter((word) => word.length >= 3 && !TEXT_FILLER.has(word)));

/** Two cards are on one topic when their titles share a telling word, or most of one's text is in the other's. */
export function sameTopic(a: { title: string; text: string }, b: { title: string; text: string }): boolean {
  const titleA = titleTopics(a.title);
  for (const word of titleTopics(b.title)) if (titleA.has(word)) return true;
  const textA = textTopics(a.text);
  const textB = textTopics(b.text);
  if (!textA.size || !textB.size) return cleanText(a.text).toLowerCase() === cleanText(b.text).toLowerCase();
  let shared = 0;
  for (const word of textA) if (textB.has(word)) shared += 1;
  return shared / Math.min(textA.size, textB.size) >= 0.6;
}

// --- Titles -----------------------------------------------------------------------------------------

const SMALL_WORDS = new Set("a an the of in on at to for with and or from by as into".split(" "));
const titleCase = (phrase: string) =>
  phrase
    .split(/\s+/)
    .filter(Boolean)
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(" ");

/** A card title the contract accepts: 2–5 words, at most 60 characters. */
const fitsCardTitle = (title: string) => title.length <= 60 && countWords(title) >= 2 && countWords(title) <= 5 && cleanText(title) === title;

const PLURAL_RELATIONS = new Set("parents grandparents cousins friends kids children siblings brothers sisters sons daughters classmates".split(" "));
const HARD = new Set("scared afraid frightened terrified lonely sad angry furious nervous anxious ashamed homesick heartbroken lost alone".split(" "));

const THEME_CARD_TITLES: Readonly<Record<string, readonly string[]>> = {
  adventure: ["Into the Unknown", "A Real Adventure"],
  family: ["Family Ties", "Around the Table"],
  career: ["A Working Life", "Learning a Trade"],
  love: ["Falling in Love", "A Kind of Love"],
  challenge: ["The Hard Part", "Facing the Climb"],
  growth: ["Growing Up", "A Lesson Learned"],
  travel: ["On the Road", "Far from Home"],
  friendship: ["True Friends", "Friends for Life"],
  legacy: ["Passing It On", "What Remains"],
  identity: ["Finding Themselves", "Who They Became"],
  father_figure: ["A Father's Lessons", "Like a Father"],
  mother_figure: ["A Mother's Care", "Like a Mother"],
  mentor: ["A Guiding Hand", "The Teacher Who Saw"],
  loss: ["Saying Goodbye", "What Was Lost"],
  success: ["A Proud Win", "Making It"],
  failure: ["Falling Short", "A Hard Lesson"],
  humor: ["Shared Laughter", "A Funny Thing"],
  courage: ["A Brave Step", "Finding Courage"],
  resilience: ["Keeping Going", "Getting Back Up"],
};

const CHAPTER_CARD_TITLES: Readonly<Record<Chapter, readonly string[]>> = {
  family_history: ["Family Roots", "Where They Came From"],
  childhood: ["Childhood Days", "Small Wonders"],
  adolescence: ["Teenage Years", "Growing Into Themselves"],
  early_adulthood: ["Setting Out", "A Path Chosen"],
  midlife: ["The Middle Years", "A Turning Point"],
  present: ["Life Today", "Where They Stand"],
};

const LEAVING = /\b(?:left|leave|leaving|fled|escaped)\b/i;
const ARRIVING = /\b(?:moved|arrived|emigrated|immigrated|came)\s+(?:to|in)\b/i;

/** Title ideas for a card from one message, most specific first: named people, places, times, relations, feelings, the theme, the chapter. */
function cardTitles({ message, theme, phrasing }: { message: Message; theme: string; phrasing: Phrasing }): string[] {
  const details: Details = readDetails(message.text);
  const named: string[] = [];
  const related: string[] = [];
  for (const person of details.people) {
    if (person.name) {
      // "my best friend Tomas" → "Best Friend Tomas"; "Aunt Maria" and "Mrs Costa" as they are.
      const called = titleCase(person.said.replace(/^(?:my|our)\s+/i, ""));
      if (called !== person.name) named.push(called);
      named.push(...phrasing.pick([[`Days with ${person.name}`, `Remembering ${person.name}`], [`Remembering ${person.name}`, `Days with ${person.name}`]]));
    } else if (person.relation) {
      const relation = titleCase(person.relation);
      related.push(PLURAL_RELATIONS.has(person.relation) ? `Days with the ${relation}` : `A ${relation} Remembered`);
    }
  }
  const places: string[] = [];
  const nearby: string[] = [];
  const season = details.times.find((time) => /^that (?:summer|winter|spring|autumn)$/.test(time.noun));
  const year = details.times.find((time) => /^\d{4}$/.test(time.noun));
  for (const place of details.places) {
    if (/^(?:the\s+)?\p{Lu}/u.test(place.said)) {
      const name = place.said.replace(/^the\s+/, "The ");
      if (season) places.push(`${season.label}s in ${name}`);
      if (LEAVING.test(message.text)) places.push(`Leaving ${name}`);
      if (ARRIVING.test(message.text)) places.push(`Arriving in ${name}`);
      places.push(phrasing.pick([`Days in ${name}`, `Home in ${name}`]));
    } else {
      nearby.push(titleCase(retell({ text: place.where, voice: "third" })));
    }
  }
  const times: string[] = season && year ? [`The ${season.label} of ${year.noun}`] : [];
  for (const time of details.times) {
    if (/^\d{4}$/.test(time.noun)) times.push(`${time.noun} Remembered`);
    else if (time.label.startsWith("Age ")) times.push(`At ${time.label}`);
    else if (time.label.startsWith("The ")) times.push(`Back in ${time.label}`);
    else times.push(`That ${time.label}`);
  }
  const feelings = details.feelings.map((feeling) => (HARD.has(feeling) ? `A ${titleCase(feeling)} Time` : `Feeling ${titleCase(feeling)}`));
  const themed = THEME_CARD_TITLES[theme];
  const themeTitles = themed ? phrasing.pick([themed, [...themed].reverse()]) : [`A Taste of ${titleCase(theme.replaceAll("_", " "))}`];
  return [...named, ...places, ...times, ...related, ...nearby, ...feelings, ...themeTitles, ...CHAPTER_CARD_TITLES[message.chapter]].map(cleanText).filter(fitsCardTitle);
}

// --- Themes -----------------------------------------------------------------------------------------

/** A theme as the contract stores it, or null when it cannot be one. */
function asTheme(theme: string): string | null {
  const normal = cleanText(theme).toLowerCase().replace(/\s+/g, "_");
  const parsed = themeSchema.safeParse(normal);
  return parsed.success && parsed.data === normal ? normal : null;
}

const CHAPTER_THEMES: Readonly<Record<Chapter, readonly string[]>> = {
  family_history: ["family", "legacy"],
  childhood: ["family", "growth"],
  adolescence: ["identity", "friendship", "growth"],
  early_adulthood: ["growth", "career"],
  midlife: ["growth", "success"],
  present: ["growth", "legacy"],
};

/**
 * The card's theme: one the story chose and the text touches, else a preset it touches (a theme not
 * yet on another card first), else one of its chapter's.
 */
function themeFor({ text, chapter, storyThemes, used }: { text: string; chapter: Chapter; storyThemes: readonly string[]; used: ReadonlySet<string> }): string {
  const detected = [...themesCoveredBy({ themes: storyThemes, text }), ...themesCoveredBy({ themes: THEME_PRESETS.filter((preset) => !storyThemes.includes(preset)), text })];
  const fallback = CHAPTER_THEMES[chapter];
  return detected.find((theme) => !used.has(theme)) ?? detected[0] ?? fallback.find((theme) => !used.has(theme)) ?? fallback[0]!;
}

// --- Generic cards: for a story that says little ----------------------------------------------------

type GenericCard = StoryCardDraft;
const generic = (phase: Chapter, theme: string, title: string, text: string): GenericCard => ({ title, text, phase, theme });

/** Gentle cards for the places a thin story leaves empty; titles and texts all on different topics. */
export const GENERIC_CARDS: readonly GenericCard[] = [
  generic("family_history", "family", "Where It All Began", "Long before their first memory, their story was already being written by the people who came before them."),
  generic("family_history", "family", "The Family Tree", "Parents, grandparents and the ones before them: every branch of the family tree left something in who they became."),
  generic("family_history", "legacy", "Stories Passed Down", "Some stories were told so often at the family table that they became part of who they are."),
  generic("family_history", "legacy", "Family Traditions", "A dish, a holiday, a saying: the traditions their family kept still carry the voices of those who came first."),
  generic("family_history", "family", "The Day They Arrived", "The circumstances of their birth, told and retold, became the opening scene of their life."),
  generic("childhood", "family", "The First Home", "The first home they remember, with its rooms, sounds and smells, is where their own memories begin."),
  generic("childhood", "adventure", "Small Adventures", "As a child, the world was as big as the street outside, and every corner of it held an adventure."),
  generic("childhood", "friendship", "Early Friends", "The friends of their early years taught them games, secrets and the first rules of belonging."),
  generic("childhood", "identity", "A Hiding Place", "Every childhood has a hiding place, a corner that felt safe and entirely theirs."),
  generic("childhood", "growth", "Kitchen Table Lessons", "Around the kitchen table they learned things no school could teach."),
  generic("adolescence", "identity", "Finding a Voice", "The teenage years were when they began to find their own voice, sometimes loudly, sometimes in secret."),
  generic("adolescence", "friendship", "The Soundtrack Years", "Certain songs still bring those years back in an instant: the faces, the places, the feeling of everything beginning."),
  generic("adolescence", "challenge", "Testing the Limits", "Like most teenagers, they tested limits and learned where their own lines were."),
  generic("adolescence", "friendship", "A Loyal Circle", "A small circle of loyal friends felt, for a while, like the whole world."),
  generic("adolescence", "growth", "Becoming Someone", "Between childhood and adulthood, they began to sketch the person they wanted to be."),
  generic("early_adulthood", "courage", "Setting Out Alone", "Leaving the familiar behind, they set out to build a life on their own terms."),
  generic("early_adulthood", "career", "The First Job", "Their first real job brought a first wage, new responsibilities and a taste of independence."),
  generic("early_adulthood", "growth", "Choices That Mattered", "In their early adult years they made choices, big and small, that quietly set the direction of everything after."),
  generic("early_adulthood", "identity", "A Path of Their Own", "It took time to find a path that felt like theirs, and the search itself taught them a great deal."),
  generic("early_adulthood", "love", "Shared Beginnings", "The people they shared those years with, in love and in friendship, shaped the adult they became."),
  generic("midlife", "challenge", "A Turning Point", "In the middle of life came a moment that turned everything in a new direction."),
  generic("midlife", "success", "Quiet Achievements", "Some of their proudest achievements came quietly, through years of steady work and care."),
  generic("midlife", "growth", "Hard-Won Wisdom", "The middle years taught them lessons they wish they had known sooner and are glad to know now."),
  generic("midlife", "resilience", "Holding It Together", "Between work, family and everything else, they learned how much they could carry."),
  generic("midlife", "resilience", "A Second Wind", "Midway through, they found new energy and new reasons to keep going."),
  generic("present", "growth", "Where They Stand", "Today they look back over the road with a clearer view of what mattered most."),
  generic("present", "legacy", "What Matters Now", "What matters most to them now is simpler, and truer, than it once was."),
  generic("present", "legacy", "The Road Ahead", "There are still chapters to write, and they face them with everything the earlier ones taught."),
  generic("present", "growth", "Looking Back", "Looking back over the whole journey, they can see how each chapter led to the next."),
  generic("present", "family", "Words of Gratitude", "Above all, they are grateful for the people who walked part of the road beside them."),
];

// --- Choosing cards ---------------------------------------------------------------------------------

/** Messages worth a card, best first, taking the chapters in turn so the cards span the story. */
function cardSources(messages: readonly Message[]): Message[] {
  const score = (message: Message) => Math.max(...message.lines.map(lineScore)) + message.lines.length / 10;
  const byChapter = new Map<Chapter, Message[]>();
  for (const message of messages) {
    if (countWords(message.text) < 5) continue;
    byChapter.set(message.chapter, [...(byChapter.get(message.chapter) ?? []), message]);
  }
  for (const list of byChapter.values()) list.sort((a, b) => score(b) - score(a) || a.order - b.order);
  const queues = CHAPTERS.flatMap((chapter) => (byChapter.has(chapter) ? [byChapter.get(chapter)!] : []));
  const ordered: Message[] = [];
  for (let round = 0; queues.some((queue) => queue.length > round); round += 1) for (const queue of queues) if (queue[round]) ordered.push(queue[round]!);
  return ordered;
}

/**
 * Up to `count` cards from the story, then generic ones until there are `atLeast`: none on the topic
 * of a card to `avoid` (the locked ones) or of another new card. Throws only when even the generic
 * cards run out, which the locked cards of one story cannot cause.
 */
function chooseCards({
  messages,
  storyThemes,
  count,
  atLeast,
  avoid,
  phrasing,
}: {
  messages: readonly Message[];
  storyThemes: readonly string[];
  count: number;
  atLeast: number;
  avoid: readonly { title: string; text: string }[];
  phrasing: Phrasing;
}): StoryCardDraft[] {
  const cards: StoryCardDraft[] = [];
  const used = new Set<string>();
  const clashes = (card: { title: string; text: string }) => avoid.some((other) => sameTopic(card, other)) || cards.some((other) => sameTopic(card, other));

  for (const message of cardSources(messages)) {
    if (cards.length >= count) break;
    const text = retold(message.lines, CARD_TEXT_MAX);
    const theme = themeFor({ text: message.text, chapter: message.chapter, storyThemes, used });
    const title = cardTitles({ message, theme, phrasing }).find((candidate) => !clashes({ title: candidate, text }));
    if (!title) continue;
    cards.push({ title, text, phase: message.chapter, theme });
    used.add(theme);
  }

  // The story's own chapters first, then the rest; the seed varies which of a chapter's come first.
  const storyChapters = new Set(messages.map((message) => message.chapter));
  const pool = [...GENERIC_CARDS]
    .map((card, index) => ({ card, rank: (storyChapters.has(card.phase) ? 0 : 2) + phrasing.between({ min: 0, max: 1000 }) / 1001, index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.card);
  for (const card of pool) {
    if (cards.length >= atLeast) break;
    if (!clashes(card)) cards.push(card);
  }
  if (cards.length < atLeast) throw new Error(`Could only write ${cards.length} of ${atLeast} cards on topics the locked cards leave free.`);
  return cards;
}

const storyThemesOf = (themes: readonly string[]) => [...new Set(themes.map(asTheme).filter((theme): theme is string => theme !== null))];
const seedOf = (messages: readonly Message[], extra: string) => hashText(`${messages.map((message) => message.text).join("\n")}|${extra}`);

/**
 * `count` new cards (0–8) for the places the locked cards leave: from the person's own messages
 * first, each on a topic no locked card and no other new card covers (title words, source sentence).
 */
export function writeCards({ transcript, themes, count, locked }: { transcript: readonly StoryTurn[]; themes: readonly string[]; count: number; locked: readonly LockedCard[] }): { cards: StoryCardDraft[] } {
  const wanted = Math.max(0, Math.min(CARDS_MAX, Math.floor(count)));
  const messages = readStory(transcript);
  const phrasing = createPhrasing({ seed: seedOf(messages, locked.map((card) => card.title).join("|")) });
  return { cards: chooseCards({ messages, storyThemes: storyThemesOf(themes), count: wanted, atLeast: wanted, avoid: locked, phrasing }) };
}

// --- The synthesis ----------------------------------------------------------------------------------

/** Inserted into a sentence the contract counts: no sentence ends inside it. */
const phrase = (text: string, max: number) => clip(cleanText(text).replace(/[.!?…]+/g, ""), max).replace(/…$/, "");

type Mentions = { people: Map<string, { said: string; count: number; first: number }>; places: Map<string, { said: string; count: number; first: number }> };

function mentionsOf(messages: readonly Message[]): Mentions {
  const mentions: Mentions = { people: new Map(), places: new Map() };
  const note = (map: Mentions["people"], key: string, said: string, order: number) => {
    const known = map.get(key);
    map.set(key, known ? { ...known, count: known.count + 1 } : { said, count: 1, first: order });
  };
  for (const message of messages) {
    for (const line of message.lines) {
      for (const person of line.details.people) if (person.name) note(mentions.people, person.name.toLowerCase(), aboutThemMidSentence(person.said), line.order);
      for (const place of line.details.places) if (/^(?:the\s+)?\p{Lu}/u.test(place.said)) note(mentions.places, place.said.toLowerCase(), place.said, line.order);
    }
  }
  return mentions;
}

const strongest = (map: Mentions["people"]) => [...map.values()].sort((a, b) => b.count - a.count || a.first - b.first)[0] ?? null;

const STORY_TITLES: Readonly<Record<string, string>> = {
  adventure: "Into the Wide World",
  family: "The Ties That Bind",
  career: "The Work of a Life",
  love: "A Life in Love",
  challenge: "The Long Climb",
  growth: "Becoming",
  travel: "Many Roads Home",
  friendship: "Friends Along the Way",
  legacy: "What We Pass On",
  identity: "A Name of Their Own",
  father_figure: "In a Father's Footsteps",
  mother_figure: "A Mother's Hands",
  mentor: "The Ones Who Taught",
  loss: "What Remains",
  success: "Against the Odds",
  failure: "Falling and Rising",
  humor: "Laughing Through It All",
  courage: "The Brave Years",
  resilience: "Still Standing",
};

/** How often each theme comes up (messages touching it), the chosen ones counting a little more. */
function themeWeights({ messages, storyThemes }: { messages: readonly Message[]; storyThemes: readonly string[] }): [string, number][] {
  const all = [...storyThemes, ...THEME_PRESETS.filter((preset) => !storyThemes.includes(preset))];
  const weights = new Map<string, number>();
  for (const message of messages) for (const theme of themesCoveredBy({ themes: all, text: message.text })) weights.set(theme, (weights.get(theme) ?? 0) + 1);
  for (const theme of storyThemes) if (weights.has(theme)) weights.set(theme, weights.get(theme)! + 0.5);
  return [...weights.entries()].sort((a, b) => b[1] - a[1] || all.indexOf(a[0]) - all.indexOf(b[0]));
}

const fitsStoryTitle = (title: string) => title.length <= 60 && countWords(title) >= 1 && countWords(title) <= 5 && cleanText(title) === title;

function storyTitle({ mentions, weights, phrasing }: { mentions: Mentions; weights: readonly [string, number][]; phrasing: Phrasing }): string {
  const person = strongest(mentions.people);
  const place = strongest(mentions.places);
  const name = person ? (person.said.match(/\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*$/u)?.[0] ?? null) : null;
  const nounTitles = (minimum: number) => [
    ...(place && place.count >= minimum ? phrasing.pick([[`Roads from ${place.said}`, `The ${place.said.replace(/^the\s+/i, "")} Years`], [`Back to ${place.said}`, `Roads from ${place.said}`]]) : []),
    ...(name && person!.count >= minimum ? phrasing.pick([[`Remembering ${name}`, `For ${name}`], [`What ${name} Knew`, `For ${name}`]]) : []),
  ];
  const [topTheme] = weights[0] ?? [];
  const themeTitles = topTheme ? [STORY_TITLES[topTheme] ?? `A Life of ${titleCase(topTheme.replaceAll("_", " "))}`] : [];
  const candidates = [...nounTitles(2), ...themeTitles, ...nounTitles(1), phrasing.pick(["A Life in Chapters", "The Story So Far", "Chapters of a Life"])];
  return candidates.map(cleanText).find(fitsStoryTitle) ?? "A Life in Chapters";
}

const STARTS: Readonly<Record<Chapter, string>> = {
  family_history: "the family that came before them",
  childhood: "the first memories of childhood",
  adolescence: "the teenage years",
  early_adulthood: "the first steps into adult life",
  midlife: "the middle years",
  present: "where they stand today",
};

function essence({ chapters, weights, mentions, storyThemes }: { chapters: readonly Chapter[]; weights: readonly [string, number][]; mentions: Mentions; storyThemes: readonly string[] }): string {
  const themes = (weights.length ? weights.map(([theme]) => theme) : storyThemes).slice(0, 2).map((theme) => phrase(themeLabel(theme).toLowerCase(), 40));
  const about = themes.length ? themes.join(" and ") : "the people and places that shaped a life";
  const first = chapters[0];
  const last = chapters.at(-1);
  const span = first && last && first !== last ? `, told from ${STARTS[first]} to ${STARTS[last]}` : first ? `, told from ${STARTS[first]}` : "";
  const opening = `A story of ${about}${span}.`;
  const heart = [strongest(mentions.people)?.said, strongest(mentions.places)?.said].filter((value): value is string => Boolean(value)).map((value) => phrase(value, 60));
  const closing = heart.length === 2 ? `At its heart are ${heart[0]} and ${heart[1]}.` : heart.length === 1 ? `At its heart is ${heart[0]}.` : "";
  const text = closing ? `${opening} ${closing}` : opening;
  return text.length <= 400 ? text : clip(opening, 400);
}

type TimelineEntry = Synthesis["timeline"][number];

const UNTOLD: Readonly<Record<Chapter, string>> = {
  family_history: "The family story that came before them, still waiting to be told in their own words.",
  childhood: "The early years of home and first memories, a chapter still to be filled in.",
  adolescence: "The teenage years, with their friendships and first questions, still to be told.",
  early_adulthood: "The years of first big choices and finding a path, still to be told.",
  midlife: "The middle years and the lessons they brought, a chapter still to be told.",
  present: "Where they stand today, looking back over the road so far.",
};
const ROAD_AHEAD: TimelineEntry = { chapter: "The road ahead", era: "Tomorrow", summary: "The chapters still to come, with everything the earlier ones taught them." };

function timelineEntry({ chapter, messages }: { chapter: Chapter; messages: readonly Message[] }): TimelineEntry {
  // A greeting or a single word says nothing about the chapter.
  const lines = messages.filter((message) => message.chapter === chapter).flatMap((message) => message.lines.filter((line) => line.words >= 4));
  const best = [...lines].sort((a, b) => lineScore(b) - lineScore(a) || a.order - b.order).slice(0, 2).sort((a, b) => a.order - b.order);
  const places = mentionsOf(messages.filter((message) => message.chapter === chapter)).places;
  const place = strongest(places);
  const label = place ? `${PHASE_LABELS[chapter]} in ${place.said}` : PHASE_LABELS[chapter];
  const years = lines.flatMap((line) => line.details.times.filter((time) => /^\d{4}$/.test(time.noun)).map((time) => Number(time.noun))).sort((a, b) => a - b);
  const yearSpan = years.length ? (years[0] === years.at(-1) ? `${years[0]}` : `${years[0]}–${years.at(-1)}`) : "";
  const era = yearSpan && chapter !== "family_history" ? `${CHAPTER_ERAS[chapter]} (${yearSpan})` : CHAPTER_ERAS[chapter];
  return {
    chapter: label.length <= 60 ? label : PHASE_LABELS[chapter],
    era: era.length <= 40 ? era : CHAPTER_ERAS[chapter],
    summary: best.length ? retold(best, 300) : UNTOLD[chapter],
  };
}

/** Exactly five entries: the chapters told (the two thinnest neighbours merged when there are six), then what is still ahead. */
function timeline({ chapters, messages }: { chapters: readonly Chapter[]; messages: readonly Message[] }): TimelineEntry[] {
  const told = new Set(messages.map((message) => message.chapter));
  let groups: Chapter[][] = chapters.map((chapter) => [chapter]);
  while (groups.length > 5) {
    // Merge the neighbours (the present stays its own) that hold the fewest of the person's words.
    const weight = (group: Chapter[]) => messages.filter((message) => group.includes(message.chapter)).reduce((sum, message) => sum + countWords(message.text), 0);
    let best = 0;
    for (let index = 1; index < groups.length - 1; index += 1) {
      if (groups[index + 1]!.includes("present")) break;
      if (weight([...groups[index]!, ...groups[index + 1]!]) < weight([...groups[best]!, ...groups[best + 1]!])) best = index;
    }
    groups = [...groups.slice(0, best), [...groups[best]!, ...groups[best + 1]!], ...groups.slice(best + 2)];
  }
  const entries = groups.map((group) => {
    const order = CHAPTERS.indexOf(group[0]!);
    if (group.length === 1) return { order, entry: timelineEntry({ chapter: group[0]!, messages }) };
    const summaries = group.filter((chapter) => told.has(chapter)).map((chapter) => timelineEntry({ chapter, messages }).summary);
    const entry: TimelineEntry = {
      chapter: group.map((chapter, index) => (index ? PHASE_LABELS[chapter].toLowerCase() : PHASE_LABELS[chapter])).join(" and "),
      era: `${CHAPTER_ERAS[group[0]!]} · ${CHAPTER_ERAS[group.at(-1)!]}`,
      summary: summaries.length ? clip(summaries.join(" "), 300) : UNTOLD[group[0]!],
    };
    return { order, entry };
  });
  // Fewer than five: what is still ahead, then (no age range, a thin story) the earliest chapters not on it.
  if (entries.length < 5) entries.push({ order: CHAPTERS.length, entry: ROAD_AHEAD });
  for (const chapter of CHAPTERS) {
    if (entries.length >= 5) break;
    if (!groups.some((group) => group.includes(chapter))) entries.push({ order: CHAPTERS.indexOf(chapter), entry: timelineEntry({ chapter, messages }) });
  }
  return entries.sort((a, b) => a.order - b.order).map((item) => item.entry);
}

type KeyMoment = Synthesis["key_moments"][number];

const GENERIC_MOMENTS: Readonly<Record<Chapter, KeyMoment>> = {
  family_history: { moment: "The family stories told before they were born", when: CHAPTER_ERAS.family_history },
  childhood: { moment: "The first home they can remember", when: CHAPTER_ERAS.childhood },
  adolescence: { moment: "Finding friends and a voice of their own", when: CHAPTER_ERAS.adolescence },
  early_adulthood: { moment: "Setting out on a path of their own", when: CHAPTER_ERAS.early_adulthood },
  midlife: { moment: "The lessons of the middle years", when: CHAPTER_ERAS.midlife },
  present: { moment: "Looking back over the road from where they stand", when: CHAPTER_ERAS.present },
};

/** 5–7 moments from their own sentences (the most vivid, in story order), generic ones where the story is thin. */
function keyMoments({ messages, chapters }: { messages: readonly Message[]; chapters: readonly Chapter[] }): KeyMoment[] {
  const lines = messages.flatMap((message) => message.lines).filter((line) => line.words >= 5);
  const ranked = [...lines].sort((a, b) => lineScore(b) - lineScore(a) || a.order - b.order);
  const chosen: Line[] = [];
  for (const line of ranked) {
    if (chosen.length >= 7) break;
    if (!chosen.some((other) => sameTopic({ title: "", text: other.text }, { title: "", text: line.text }))) chosen.push(line);
  }
  const moments = chosen.map((line) => ({
    chapter: line.chapter,
    order: line.order,
    moment: { moment: clip(aboutThem(line.text), 200), when: line.details.times.find((time) => time.label.length <= 40)?.label ?? CHAPTER_ERAS[line.chapter] },
  }));
  for (const chapter of [...chapters, ...CHAPTERS]) {
    if (moments.length >= 5) break;
    if (!moments.some((item) => item.moment === GENERIC_MOMENTS[chapter])) moments.push({ chapter, order: Number.MAX_SAFE_INTEGER, moment: GENERIC_MOMENTS[chapter] });
  }
  // In story order: by chapter, then as they were said (a generic moment after the chapter's own).
  return moments.sort((a, b) => CHAPTERS.indexOf(a.chapter) - CHAPTERS.indexOf(b.chapter) || a.order - b.order).map((item) => item.moment);
}

/**
 * The synthesis of an interview: a title of at most five words from the story's strongest name,
 * place or theme; a one- or two-sentence essence; five timeline entries; 5–7 key moments; 3–8 cards.
 * `chapters` are the chapters to cover (the interview's phases; the others are ignored).
 */
export function synthesize({ transcript, themes, chapters }: { transcript: readonly StoryTurn[]; themes: readonly string[]; chapters: readonly StoryPhase[] }): Synthesis {
  const messages = readStory(transcript);
  const storyThemes = storyThemesOf(themes);
  const requested = CHAPTERS.filter((chapter) => chapters.includes(chapter));
  const covered = requested.length ? requested : CHAPTERS.filter((chapter) => messages.some((message) => message.chapter === chapter));
  const phrasing = createPhrasing({ seed: seedOf(messages, covered.join(",")) });
  const mentions = mentionsOf(messages);
  const weights = themeWeights({ messages, storyThemes });
  return {
    title: storyTitle({ mentions, weights, phrasing }),
    essence: essence({ chapters: covered, weights, mentions, storyThemes }),
    timeline: timeline({ chapters: covered, messages }),
    key_moments: keyMoments({ messages, chapters: covered }),
    cards: chooseCards({ messages, storyThemes, count: CARDS_MAX, atLeast: CARDS_MIN, avoid: [], phrasing }),
  };
}

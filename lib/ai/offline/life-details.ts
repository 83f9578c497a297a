// Reading a person's own words about their life for what an interviewer would pick up on: the people
// (relations and names), the places, the feelings and the times they mention; and retelling those
// words to them ("you", the interviewer) or about them ("they", the biographer). Heuristics for
// English, deterministic, never throwing on odd input.

export type Voice = "second" | "third";

export type Person = {
  /** As said, possessive included: "my grandmother Rosa", "Aunt Maria", "Rosa", "Mom". Retell it with `retell`. */
  said: string;
  relation: string | null;
  name: string | null;
  /** How to refer back to them: the relation says, a bare name does not (so "them", and the name is repeated). */
  pronoun: "her" | "him" | "them";
};

export type Place = {
  /** "Lisbon", "the farm", "our old house" (retell it). */
  said: string;
  /** Where it was, as a phrase: "in Lisbon", "on the farm". */
  where: string;
};

export type TimeMention = {
  /** As a noun: "1987", "that summer", "the 1980s", "that Christmas", "age 7". */
  noun: string;
  /** As a time adverbial: "in 1987", "that summer", "in the 1980s", "at Christmas", "when you were 7" (second person). */
  adverbial: string;
  /** For a card or a key moment: "1987", "Summer", "The 1980s", "Age 7". */
  label: string;
};

export type Details = { people: Person[]; places: Place[]; feelings: string[]; times: TimeMention[] };

// --- Cleaning ------------------------------------------------------------------------------------

/** Text that can be stored and shown anywhere: well-formed, no control characters, single spaces. */
export function cleanText(text: string): string {
  return text
    .toWellFormed()
    .replace(/[\p{Cc}\u2028\u2029\u200B-\u200D\uFEFF]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** At most `max` characters, cut at a word when one is near, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  const kept = (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, "");
  // A cut that splits a surrogate pair would leave half a character.
  return `${kept.toWellFormed().replace(/\uFFFD$/, "")}…`;
}

/** Transition markers some conversations record ("[Moving to next phase: childhood]"): not the person's words. */
export const isMarker = (text: string) => /^\s*\[(?:moving to|jumping to|age selected)[^\]]*\]\s*$/i.test(text) || /^\s*age selected via button/i.test(text);

// --- Word lists ----------------------------------------------------------------------------------

const FEMALE = "mother mom mum mommy mummy mama mamma grandmother grandma granny nana gran sister aunt auntie wife daughter girlfriend stepmother stepmom godmother niece fiancée".split(" ");
const MALE = "father dad daddy papa grandfather grandpa granddad grandad brother uncle husband son boyfriend stepfather stepdad godfather nephew fiancé".split(" ");
const NEUTRAL = ("parents grandparents cousin cousins friend friends teacher coach neighbour neighbor boss mentor partner family children kids baby twin siblings " +
  "classmate classmates roommate colleague brothers sisters sons daughters").split(" ");
const RELATIONS = [...FEMALE, ...MALE, ...NEUTRAL].sort((a, b) => b.length - a.length);
const PRONOUN_OF = new Map<string, Person["pronoun"]>([...FEMALE.map((word) => [word, "her"] as const), ...MALE.map((word) => [word, "him"] as const)]);

// Relations said as names ("Mom said…"): a relation, not a stranger called Mom.
const RELATION_NAMES = new Set("mom mum dad mama mamma papa grandma grandpa granny nana gran granddad grandad daddy mommy mummy".split(" "));
const TITLES: Readonly<Record<string, Person["pronoun"]>> = { aunt: "her", auntie: "her", uncle: "him", grandma: "her", grandpa: "him", granny: "her", nana: "her", mr: "him", mrs: "her", ms: "her", miss: "her", dr: "them", coach: "them" };

const MONTHS = "january february march april june july august september october november december".split(" ");
const DAYS = "monday tuesday wednesday thursday friday saturday sunday".split(" ");
const HOLIDAYS = ["christmas", "easter", "thanksgiving", "ramadan", "eid", "diwali", "hanukkah", "passover", "halloween", "carnival", "new year", "new year's"];
const SEASONS = ["summer", "winter", "spring", "autumn"];
const PEOPLES = ("english spanish french german portuguese italian chinese japanese russian arabic dutch greek polish hindi latin korean swedish irish scottish welsh " +
  "american british mexican brazilian canadian african european asian jewish catholic muslim buddhist hindu protestant").split(" ");
/** Words that start sentences and are capitalized there, never part of a name. */
const COMMON_WORDS = new Set(
  ("in at on to from for with of by into after before during since until when while because if as once then and but so or yet there here this that these those " +
    "the a an my our your his her their its we i he she they it you yes no well oh every each one last next some many most all both mostly sometimes also even only just " +
    "growing back later what where why how who which never always still often maybe perhaps actually honestly").split(" "),
);
/** Capitalized words that name nobody. */
const NOT_NAMES = new Set(["i", "i'm", "i've", "i'd", "i'll", "god", "ok", "okay", "yes", "no", "oh", "well", "the", "a", "an", "and", "but", "then", "so", "we", "my", "our", "he", "she", "they", "it", "you", ...MONTHS, "may", ...DAYS, ...HOLIDAYS, ...SEASONS, ...PEOPLES]);

const PLACE_NOUNS = ("house home farm village town city school church kitchen garden backyard yard beach lake river sea ocean mountains mountain hills forest woods field fields " +
  "hospital factory shop store bakery market apartment flat street neighbourhood neighborhood countryside island university college army navy camp office harbour harbor port " +
  "station park playground library attic basement porch cabin barn orchard vineyard restaurant café cafe pub club studio theatre theater stadium ship boat mill ranch shore coast").split(" ");

const STRONG_FEELINGS = ("scared afraid frightened terrified proud happy joyful lonely sad angry furious excited nervous anxious ashamed embarrassed grateful thankful " +
  "homesick heartbroken relieved jealous confused hopeful overwhelmed peaceful curious shy guilty betrayed abandoned humiliated carefree awkward devastated thrilled").split(" ");
// Words that are feelings only after "felt", "so"…: "a small house" is no feeling.
const WEAK_FEELINGS = "different small strong free safe alone lost invisible loved torn brave special trapped whole content".split(" ");
/** Feelings that ask for a gentler word first. */
export const HARD_FEELINGS = new Set("scared afraid frightened terrified lonely sad angry furious nervous anxious ashamed embarrassed homesick heartbroken jealous confused overwhelmed guilty betrayed abandoned humiliated devastated lost alone trapped invisible".split(" "));

const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(" ").map((word, index) => [word, index]),
);
const DECADE_WORDS: Readonly<Record<string, string>> = { fifties: "1950s", sixties: "1960s", seventies: "1970s", eighties: "1980s", nineties: "1990s" };

const WORD = String.raw`[\p{Lu}][\p{L}'’-]*[\p{L}]`;
const NAME = `${WORD}(?:\\s+${WORD})?`;
const alternation = (words: readonly string[]) => words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

const RELATION_PATTERN = new RegExp(
  String.raw`(?<![\p{L}])((?:[Mm]y|[Oo]ur)\s+(?:(?:older|younger|big|little|late|eldest|oldest|youngest|baby|dear|twin|best|first|new|great|old)\s+){0,2}(${alternation(RELATIONS)}))(?![\p{L}])(?:,?\s+((?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?${NAME}))?`,
  "gu",
);
const TITLE_PATTERN = new RegExp(String.raw`(?<![\p{L}])(${Object.keys(TITLES).map((title) => title[0]!.toUpperCase() + title.slice(1)).join("|")})\.?\s+(${WORD})`, "gu");
const CAPITALIZED = new RegExp(`${WORD}(?:\\s+(?:(?:de|da|do|dos|das|del|la|le|of|on|upon|van|von)\\s+)?${WORD})*`, "gu");
const MOVEMENT_BEFORE = /\b(?:moved|move|moving|went|go|going|gone|came|come|coming|flew|fly|drove|drive|travelled|traveled|emigrated|immigrated|returned|back|sent|walked|ran|sailed|arrived|headed|escaped|fled|relocated|is|are|was|were|am|i'm|family|trip|way|road|letter|postcard|home)\s+$/i;
const LOCATIVE = /(?:^|\s)(in|at|on|near|around|outside|across|into|to|from|behind|by)\s+(?:the\s+)?$/i;
const LOWER_PLACE = new RegExp(
  String.raw`(?<![\p{L}])(in|at|on|to|from|near|into|around|behind|outside|across|by)\s+((?:the|our|my|a|an|his|her|their)\s+(?:(?:old|little|big|small|new|family|local|tiny|huge|same)\s+)?(?:${alternation(PLACE_NOUNS)})s?)(?![\p{L}])`,
  "giu",
);
// Places said without an article: "at school", "to university", "at home".
const BARE_PLACE = /(?<![\p{L}])(in|at|to|from|into)\s+(school|university|college|church|home|camp|hospital|kindergarten|boarding school|sea|work)(?![\p{L}])/giu;

// --- Reading -------------------------------------------------------------------------------------

const isSentenceStart = (text: string, index: number) => /(?:^|[.!?…:]["'”’)\]]*\s+)["'“‘(]*$/u.test(text.slice(0, index));

function locativeFor({ preposition, place, capitalized }: { preposition: string; place: string; capitalized: boolean }): string {
  const lower = preposition.toLowerCase();
  if (lower === "to" || lower === "from" || lower === "into" || lower === "by") return `${capitalized ? "in" : "at"} ${place}`;
  return `${lower} ${place}`;
}

/** The people, places, feelings and times in a person's message, in the order they come. */
export function readDetails(raw: string): Details {
  const text = cleanText(raw).slice(0, 2000);
  const people: { person: Person; index: number }[] = [];
  const places: { place: Place; index: number }[] = [];
  const taken: [number, number][] = [];
  const isTaken = (start: number, end: number) => taken.some(([from, to]) => start < to && end > from);

  for (const match of text.matchAll(RELATION_PATTERN)) {
    const relation = match[2]!.toLowerCase();
    const named = match[3]?.replace(/['’]s$/, "").replace(/^(Mr|Mrs|Ms|Dr)\./, "$1");
    const name = named && !NOT_NAMES.has(named.toLowerCase()) && !RELATION_NAMES.has(named.toLowerCase()) ? named : null;
    const said = name ? `${match[1]} ${name}` : match[1]!;
    // "our neighbour Mrs Costa": the title says what the relation does not.
    const titled = name ? TITLES[name.split(/\s+/)[0]!.toLowerCase()] : undefined;
    people.push({ person: { said, relation, name, pronoun: PRONOUN_OF.get(relation) ?? titled ?? "them" }, index: match.index });
    taken.push([match.index, match.index + (name ? match[0].length : match[1]!.length)]);
  }
  for (const match of text.matchAll(TITLE_PATTERN)) {
    const name = match[2]!.replace(/['’]s$/, "");
    if (isTaken(match.index, match.index + match[0].length) || NOT_NAMES.has(name.toLowerCase())) continue;
    const title = match[1]!.toLowerCase();
    people.push({ person: { said: `${match[1]} ${name}`, relation: title, name, pronoun: TITLES[title] ?? "them" }, index: match.index });
    taken.push([match.index, match.index + match[0].length]);
  }
  for (const match of text.matchAll(LOWER_PLACE)) {
    if (isTaken(match.index, match.index + match[0].length)) continue;
    const said = match[2]!;
    places.push({ place: { said, where: locativeFor({ preposition: match[1]!, place: said, capitalized: false }) }, index: match.index });
    taken.push([match.index, match.index + match[0].length]);
  }
  for (const match of text.matchAll(BARE_PLACE)) {
    if (isTaken(match.index, match.index + match[0].length)) continue;
    const said = match[2]!.toLowerCase();
    places.push({ place: { said, where: `${match[1]!.toLowerCase() === "in" || match[1]!.toLowerCase() === "into" ? "in" : "at"} ${said}` }, index: match.index });
    taken.push([match.index, match.index + match[0].length]);
  }
  for (const match of text.matchAll(CAPITALIZED)) {
    // "When Rosa came": the sentence's first word is no part of the name after it.
    const words = [...match[0].matchAll(/\S+/g)].map((word) => ({ text: word[0], start: match.index + word.index }));
    while (words.length > 1 && (COMMON_WORDS.has(words[0]!.text.toLowerCase()) || NOT_NAMES.has(words[0]!.text.toLowerCase()))) words.shift();
    const start = words[0]!.start;
    const end = match.index + match[0].length;
    const word = text.slice(start, end).replace(/['’]s$/, "");
    const lower = word.toLowerCase();
    if (isTaken(start, end) || NOT_NAMES.has(lower) || COMMON_WORDS.has(lower) || NOT_NAMES.has(lower.split(/\s+/)[0]!) || /^[\p{Lu}\s'’-]+$/u.test(word)) continue;
    const before = text.slice(Math.max(0, start - 40), start);
    if (RELATION_NAMES.has(lower)) {
      people.push({ person: { said: word, relation: lower, name: null, pronoun: PRONOUN_OF.get(lower) ?? "them" }, index: start });
      continue;
    }
    const locative = LOCATIVE.exec(before);
    const possessive = /['’]s$/.test(match[0]);
    const preposition = locative?.[1]?.toLowerCase();
    const placeLike = locative && !possessive && (!["to", "from", "by"].includes(preposition!) || MOVEMENT_BEFORE.test(before.slice(0, locative.index + 1)));
    if (placeLike) {
      const withArticle = /the\s+$/i.test(before) ? `the ${word}` : word;
      places.push({ place: { said: withArticle, where: locativeFor({ preposition: preposition!, place: withArticle, capitalized: true }) }, index: start });
    } else if (!isSentenceStart(text, start) && !/\bthe\s+$/i.test(before)) {
      // "the Beatles", "the Red Cross": a capitalized word after "the" is a thing, not a person.
      people.push({ person: { said: word, relation: null, name: word, pronoun: "them" }, index: start });
    }
  }

  const lower = text.toLowerCase();
  const feelings: { word: string; index: number }[] = [];
  for (const match of lower.matchAll(new RegExp(String.raw`(?<![\p{L}])(${STRONG_FEELINGS.join("|")})(?![\p{L}])`, "gu"))) feelings.push({ word: match[1]!, index: match.index });
  for (const match of lower.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:felt|feel|feeling|feels|so|very|truly|really)\s+(?:so\s+|very\s+|really\s+)?(${WEAK_FEELINGS.join("|")})(?![\p{L}])`, "gu"))) {
    feelings.push({ word: match[1]!, index: match.index });
  }

  const times: { time: TimeMention; index: number }[] = [];
  const addTime = (time: TimeMention, index: number) => {
    if (!times.some((known) => known.time.noun === time.noun)) times.push({ time, index });
  };
  for (const match of lower.matchAll(/(?<![\p{L}\p{N}])(?:in\s+)?(1[89]\d\d|20\d\d)(?!['’]?s)(?![\p{L}\p{N}])/gu)) addTime({ noun: match[1]!, adverbial: `in ${match[1]}`, label: match[1]! }, match.index);
  // "the 1980s", "the '80s"; "my 20s" is an age, not the 1920s.
  for (const match of lower.matchAll(/(?<![\p{L}\p{N}])(?<!(?:my|his|her|their|our|your|early|late|mid)[\s-]+)(?:the\s+)?(?:(19|20)?(\d0)|['’](\d0))['’]?s(?![\p{L}])/gu)) {
    const decade = match[1] ? `${match[1]}${match[2]}s` : `19${match[2] ?? match[3]}s`;
    addTime({ noun: `the ${decade}`, adverbial: `in the ${decade}`, label: `The ${decade}` }, match.index);
  }
  for (const match of lower.matchAll(/(?<![\p{L}])the\s+(fifties|sixties|seventies|eighties|nineties)(?![\p{L}])/gu)) {
    const decade = DECADE_WORDS[match[1]!]!;
    addTime({ noun: `the ${match[1]}`, adverbial: `in the ${match[1]}`, label: `The ${decade}` }, match.index);
  }
  for (const match of lower.matchAll(new RegExp(String.raw`(?<![\p{L}])(${SEASONS.join("|")})s?(?![\p{L}])`, "gu"))) {
    addTime({ noun: `that ${match[1]}`, adverbial: `that ${match[1]}`, label: match[1]![0]!.toUpperCase() + match[1]!.slice(1) }, match.index);
  }
  for (const match of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(${HOLIDAYS.map((holiday) => holiday.replace(/^./, (c) => c.toUpperCase()).replace(" y", " Y")).join("|")})(?![\p{L}])`, "gu"))) {
    addTime({ noun: `that ${match[1]}`, adverbial: `at ${match[1]}`, label: match[1]! }, match.index);
  }
  for (const match of text.matchAll(/(?<![\p{L}])(?:in|that|of|last|every|one|by)\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?![\p{L}])/gu)) {
    addTime({ noun: `that ${match[1]}`, adverbial: `in ${match[1]}`, label: match[1]! }, match.index);
  }
  for (const match of lower.matchAll(/(?<![\p{L}])(?:when\s+(?:i|we)\s+(?:was|were)|at\s+(?:the\s+)?age(?:\s+of)?|aged)\s+(?:(?:about|around|only|just)\s+)?(\d{1,2}|[a-z]+)(?![\p{L}\p{N}])/gu)) {
    const age = /^\d+$/.test(match[1]!) ? Number(match[1]) : NUMBER_WORDS[match[1]!];
    if (age === undefined) continue;
    addTime({ noun: `being ${age}`, adverbial: `when you were ${age}`, label: `Age ${age}` }, match.index);
  }

  const byIndex = <T extends { index: number }>(items: T[]) => [...items].sort((a, b) => a.index - b.index);
  const unique = <T>(items: T[], key: (item: T) => string) => items.filter((item, index) => items.findIndex((other) => key(other) === key(item)) === index);
  return {
    people: unique(byIndex(people).map((item) => item.person), (person) => (person.name ?? person.said).toLowerCase()),
    places: unique(byIndex(places).map((item) => item.place), (place) => place.said.toLowerCase()),
    feelings: unique(byIndex(feelings).map((item) => item.word), (word) => word),
    times: byIndex(times).map((item) => item.time),
  };
}

/** How much a sentence gives a listener to hold on to: people first, then places and times, then feelings. */
export function salience(details: Details): number {
  return details.people.reduce((sum, person) => sum + (person.name ? 4 : 3), 0) + details.places.length * 2 + details.times.length * 2 + details.feelings.length;
}

// --- Retelling -----------------------------------------------------------------------------------

const SWAPS: Readonly<Record<string, Readonly<Record<Voice, string>>>> = {
  "i am": { second: "you are", third: "they are" },
  "i'm": { second: "you're", third: "they're" },
  "i was": { second: "you were", third: "they were" },
  "i wasn't": { second: "you weren't", third: "they weren't" },
  "was i": { second: "were you", third: "were they" },
  "am i": { second: "are you", third: "are they" },
  "i've": { second: "you've", third: "they've" },
  "i'd": { second: "you'd", third: "they'd" },
  "i'll": { second: "you'll", third: "they'll" },
  i: { second: "you", third: "they" },
  me: { second: "you", third: "them" },
  my: { second: "your", third: "their" },
  mine: { second: "yours", third: "theirs" },
  myself: { second: "yourself", third: "themselves" },
  we: { second: "you", third: "they" },
  "we're": { second: "you're", third: "they're" },
  "we've": { second: "you've", third: "they've" },
  "we'd": { second: "you'd", third: "they'd" },
  "we'll": { second: "you'll", third: "they'll" },
  our: { second: "your", third: "their" },
  ours: { second: "yours", third: "theirs" },
  ourselves: { second: "yourselves", third: "themselves" },
  us: { second: "you", third: "them" },
};

const APOSTROPHE = "['’]";
const RETELL_PATTERN = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}'’])(?:`,
    [
      String.raw`[Ii]\s+am`,
      `[Ii]${APOSTROPHE}m`,
      String.raw`[Ii]\s+was(?:n${APOSTROPHE}t)?`,
      String.raw`[Ww]as\s+[Ii]`,
      String.raw`[Aa]m\s+[Ii]`,
      `[Ii]${APOSTROPHE}(?:ve|d|ll)`,
      "[Ii]",
      "[Mm]e",
      "[Mm]y(?:self)?",
      "[Mm]ine",
      `[Ww]e(?:${APOSTROPHE}(?:re|ve|d|ll))?`,
      "[Oo]ur(?:s|selves)?",
      "[Uu]s",
      // "Mom said…": their mom, unless it already has an owner ("my Mom" is handled by "my").
      String.raw`(?<!(?:[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir)\s+)(?:${[...RELATION_NAMES].map((word) => word[0]!.toUpperCase() + word.slice(1)).join("|")})`,
    ].join("|"),
    String.raw`)(?![\p{L}\p{N}]|${APOSTROPHE}[\p{L}])`,
  ].join(""),
  "gu",
);

/**
 * The person's words retold to them (I → you) or about them (I → they), names and everything else
 * kept. Words in double quotes stay as they were said: "I love you" is a quotation, not a fact.
 */
export function retell({ text, voice }: { text: string; voice: Voice }): string {
  return text
    // "my friend Tomas and I built…" → "they and their friend Tomas built…", not "their friend Tomas and they".
    .replace(/(?<![\p{L}])([Mm]y|[Oo]ur)\s+([^,.;:!?"“”]{1,40}?)\s+and\s+I(?![\p{L}\p{N}'’])/gu, (_match, owner: string, who: string) => `I and ${owner.toLowerCase()} ${who}`)
    .split(/(["“”][^"“”]*["“”])/u)
    .map((part, index, parts) => {
      if (index % 2 === 1) return part;
      const before = parts.slice(0, index).join("");
      return part.replace(RETELL_PATTERN, (match: string, offset: number) => {
        const key = match.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ");
        const swap = SWAPS[key]?.[voice] ?? `${voice === "second" ? "your" : "their"} ${key}`;
        return isSentenceStart(before + part, before.length + offset) ? swap.charAt(0).toUpperCase() + swap.slice(1) : swap;
      });
    })
    .join("");
}

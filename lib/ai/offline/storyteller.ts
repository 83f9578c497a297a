// The offline game master: answers the player's last message in a few sentences of second-person,
// present-tense narration, grounded in the current scene, the party and the player's own words, and
// decides at most one bounded effect (an HP change, a story flag or a clue) from what they asked.
// Deterministic: the same message, scene, party and turn give the same reply.
import { maxHp } from "@/lib/game/classes";
import { applyGmEffect, clueableChoices, type GmEffect } from "@/lib/game/gm-effects";
import { currentPrompt, getEnding, getScene, isDefeated, isFinished } from "@/lib/game/rules";
import type { GameState, Hero, HeroClass, Scene, SymbolChoice, TimeOfDay, Weather } from "@/lib/game/types";
import type { ChatTurn, ToolSpec } from "../types";
import { createPhrasing, hashText, splitSentences, tidySentence, type Phrasing } from "./phrasing";
import { SCENE_LORE, type SceneCharacter, type SceneDetail, type SceneLore } from "./scene-lore";

export type StorytellerToolCall = { name: string; args: Record<string, unknown> };
export type StorytellerReply = { text: string; toolCalls: StorytellerToolCall[] };

// --- Reading the player's message --------------------------------------------------------------

export type Intent =
  | "heal"
  | "rest"
  | "search"
  | "open"
  | "look"
  | "talk"
  | "attack"
  | "reckless"
  | "magic"
  | "pray"
  | "take"
  | "move"
  | "recap"
  | "question"
  | "other";

export type SocialAct = "befriend" | "bargain" | "promise" | "insult";

/**
 * A pattern for verbs: whole `words` with their common endings ("rest", "rests", "resting", but not
 * "restore"), `stems` as prefixes ("bandag" → bandage, bandaging), and literal regex `phrases`.
 */
function verbPattern({ words = [], stems = [], phrases = [] }: { words?: string[]; stems?: string[]; phrases?: string[] }): RegExp {
  const alternatives = [
    // "-es" only where English puts it ("touches", "goes"), so "runes" is not a "run".
    ...words.map((word) => `${word}(?:s|ed|d|ing${/(?:s|sh|ch|x|z|o)$/.test(word) ? "|es" : ""})?\\b`),
    ...(stems.length ? [`(?:${stems.join("|")})\\w*`] : []),
    ...phrases,
  ];
  return new RegExp(`\\b(?:${alternatives.join("|")})`);
}

// Checked in this order when two start at the same word ("look for" is a search, not a look).
const INTENT_PATTERNS: readonly [Intent, RegExp][] = [
  [
    "heal",
    verbPattern({
      words: ["heal", "tend", "patch", "mend", "stitch", "nurse", "salve", "potion", "doctor"],
      stems: ["bandag"],
      phrases: ["first aid", "(?:bind|dress|treat|clean)(?:s|es|ed|ing)? (?:up )?(?:\\w+'?s? )?(?:wounds?|cuts?|arm|leg|hand)", "pray(?:s|ed|ing)? (?:for|over)"],
    }),
  ],
  ["rest", verbPattern({ words: ["rest", "sleep", "nap", "camp", "relax"], phrases: ["sit down", "lie down", "catch (?:our|my|their|your) breath", "take a (?:break|breather)"] })],
  [
    "search",
    verbPattern({
      words: ["search", "check", "scour", "probe", "read", "dig", "scout", "study", "studies", "studied"],
      stems: ["examin", "inspect", "investigat", "rummag", "explor"],
      phrases: ["look(?:s|ed|ing)? (?:for|under|behind|inside|into|closer|at)", "feel(?:s|ing)? along"],
    }),
  ],
  ["open", verbPattern({ words: ["open", "unlock", "pry", "prise"], phrases: ["pick(?:s|ed|ing)? (?:the |a )?lock", "force(?:s|d)? (?:the|it|open)"] })],
  ["look", verbPattern({ words: ["look", "observe", "survey", "listen", "peer", "gaze", "watch", "glance", "scan"] })],
  [
    "talk",
    verbPattern({
      words: ["talk", "speak", "ask", "greet", "chat", "say", "tell", "shout", "parley", "bargain", "trade", "befriend", "flatter", "compliment", "thank", "promise", "swear", "vow", "insult", "mock", "taunt", "jeer", "threaten", "sing", "joke", "offer", "bribe", "plead", "beg", "persuade", "convince"],
      stems: ["negotiat", "haggl", "apologi", "introduc"],
      phrases: ["call(?:s|ed|ing)? out", "deal(?:s|ing)? with", "make friends", "wave(?:s|d)? at"],
    }),
  ],
  [
    "attack",
    verbPattern({
      words: ["attack", "hit", "strike", "punch", "kick", "stab", "slash", "fight", "smash", "shoot", "bash", "headbutt", "wrestle", "tackle", "assault", "ambush"],
      phrases: ["charge(?:s|d)? at", "throw(?:s|ing)? \\w+ at"],
    }),
  ],
  ["reckless", verbPattern({ words: ["jump", "leap", "lick", "touch", "climb", "dive", "swim", "taste", "eat", "drink", "poke", "prod", "hug", "ride"] })],
  ["pray", verbPattern({ words: ["pray", "bless", "kneel", "worship"], phrases: ["make an offering"] })],
  ["magic", verbPattern({ words: ["cast", "spell", "magic", "enchant", "summon", "dispel", "cantrip", "fireball"], stems: ["conjur"] })],
  ["take", verbPattern({ words: ["take", "grab", "steal", "loot", "pocket", "collect", "gather", "borrow"], phrases: ["pick(?:s|ed|ing)? up"] })],
  [
    "move",
    verbPattern({ words: ["go", "walk", "head", "enter", "cross", "follow", "sneak", "run", "flee", "leave", "return", "approach", "continue", "march", "descend", "wade", "proceed"] }),
  ],
];

const SOCIAL_PATTERNS: readonly [SocialAct, RegExp][] = [
  ["insult", verbPattern({ words: ["insult", "mock", "taunt", "jeer"], stems: ["ridicul"], phrases: ["curse(?:s|d)? at", "spit(?:s)? at"] })],
  ["promise", verbPattern({ words: ["promise", "swear", "vow"], phrases: ["give(?:s)? (?:him |her |them |it )?(?:my|our) word"] })],
  ["bargain", verbPattern({ words: ["bargain", "trade", "bribe", "offer"], stems: ["haggl", "negotiat"], phrases: ["(?:strike|make)(?:s)? a deal", "deal(?:s|ing)? with"] })],
  ["befriend", verbPattern({ words: ["befriend", "compliment", "flatter", "thank"], phrases: ["make friends", "be friends", "share(?:s)? (?:food|our|my|bread|ale)"] })],
];

const WH_QUESTION = /^(what|where|who|whom|why|how|which)\b/;
const YES_NO_QUESTION = /^(is|are|was|were|do|does|did|can|could|should|will|would)\b/;
const RECAP = /\b(what happened|recap|remind|so far|where were we)\b/;

// Words that never name the object of an action.
const FILLER = new Set(
  ("the a an my our your his her their its some this that these those me us him them it everyone everybody all party again please carefully quickly " +
    "slowly gently quietly what where who whom why how which is are was were do does did can could should will would there here i we you spell spells magic").split(" "),
);
// Skipped before the object ("jump off the bridge"), they end it after ("cast a spell on the bowl").
const PREPOSITIONS = new Set("at to with for around over on onto into in up down under behind of off out across through past inside outside near along".split(" "));
// Words that end the object phrase once it has begun.
const PHRASE_END = new Set("and then but while so because until before after about from using by toward towards if or".split(" "));

export type Reading = {
  intent: Intent;
  social: SocialAct | null;
  /** The player's object, as words ("glowing", "crystal"), hero names left out. */
  objectWords: string[];
  /** The verb phrase for intents without their own narration ("juggle three snowballs"). */
  doing: string;
  /** Heroes named before the verb (they act) and after it (they are acted on). */
  namedBefore: Hero[];
  namedAfter: Hero[];
  /** The verb the player used, e.g. "touch". */
  verb: string;
  /** The preposition right after it, if any ("off" in "jump off the bridge"). */
  preposition: string;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function heroMentions({ text, heroes }: { text: string; heroes: readonly Hero[] }): { hero: Hero; index: number }[] {
  return heroes
    .flatMap((hero) => {
      const found = new RegExp(`(^|[^\\p{L}])${escapeRegExp(hero.name.toLowerCase())}(?=$|[^\\p{L}])`, "u").exec(text);
      return found ? [{ hero, index: found.index + found[1]!.length }] : [];
    })
    .sort((a, b) => a.index - b.index);
}

export function readMessage({ message, heroes }: { message: string; heroes: readonly Hero[] }): Reading {
  const text = message.toLowerCase().slice(0, 500).trim();
  const heroNames = new Set(heroes.map((hero) => hero.name.toLowerCase()));
  const social = SOCIAL_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;

  let intent: Intent = "other";
  let verbIndex = -1;
  let verbLength = 0;
  for (const [candidate, pattern] of INTENT_PATTERNS) {
    const found = pattern.exec(text);
    if (found && (verbIndex < 0 || found.index < verbIndex)) {
      intent = candidate;
      verbIndex = found.index;
      verbLength = found[0].length;
    }
  }
  if (social && intent !== "attack") intent = "talk";
  // "How do we cross?" asks; "Can Nim pick the lock?" acts.
  if (RECAP.test(text)) intent = "recap";
  else if (WH_QUESTION.test(text) || ((YES_NO_QUESTION.test(text) || text.endsWith("?")) && (intent === "other" || intent === "look"))) intent = "question";

  const mentions = heroMentions({ text, heroes });
  const anchor = verbIndex < 0 ? 0 : verbIndex;
  const namedBefore = mentions.filter((mention) => mention.index < anchor).map((mention) => mention.hero);
  const namedAfter = mentions.filter((mention) => mention.index >= anchor).map((mention) => mention.hero);

  const verb = verbIndex < 0 ? "" : (text.slice(verbIndex).split(/[^\p{L}-]+/u)[0] ?? "");
  // The object follows the whole verb phrase ("make friends with the troll"), or, when that leaves
  // nothing, its first word ("pick the lock").
  let objectWords = objectAfter({ text: verbIndex < 0 ? text : text.slice(verbIndex + verbLength), heroNames });
  if (!objectWords.length && verbIndex >= 0) objectWords = objectAfter({ text: text.slice(verbIndex + verb.length), heroNames });
  const nextWord = verbIndex < 0 ? "" : (text.slice(verbIndex + verb.length).trim().split(/[^\p{L}]+/u)[0] ?? "");
  const preposition = PREPOSITIONS.has(nextWord) ? nextWord : "";
  return { intent, social, objectWords, doing: doingPhrase({ text, heroNames }), namedBefore, namedAfter, verb, preposition };
}

/** Up to three words naming a thing: past fillers, prepositions and hero names, ending at the next preposition or clause. */
function objectAfter({ text, heroNames }: { text: string; heroNames: Set<string> }): string[] {
  const words: string[] = [];
  for (const word of text.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean)) {
    if (words.length && (PHRASE_END.has(word) || PREPOSITIONS.has(word) || words.length >= 3)) break;
    if (FILLER.has(word) || PREPOSITIONS.has(word) || PHRASE_END.has(word) || heroNames.has(word.replace(/'s$/, "")) || /^\d+$/.test(word)) continue;
    words.push(word.replace(/^'+|'+$/g, ""));
  }
  return words;
}

/** "I want to juggle three snowballs!" → "juggle three snowballs": what the actor tries, in their own words. */
function doingPhrase({ text, heroNames }: { text: string; heroNames: Set<string> }): string {
  let words = text.split(/[^\p{L}\p{N}'-]+/u).filter((word) => word && !heroNames.has(word.replace(/'s$/, "")));
  const lead = /^(i|we|i'll|we'll|let's|lets|let|us|have|make|please|ok|okay|then|now|and|so|should|can|could|will|would|try|tries|want|wants|to|like|i'd|we'd|going|gonna|you|all)$/;
  while (words.length && lead.test(words[0]!)) words = words.slice(1);
  return words.slice(0, 8).join(" ");
}

// --- Choosing who acts ---------------------------------------------------------------------------

const PREFERRED_CLASSES: Readonly<Record<Intent, readonly HeroClass[]>> = {
  heal: ["Cleric", "Bard", "Ranger"],
  rest: [],
  search: ["Rogue", "Ranger", "Wizard"],
  open: ["Rogue", "Fighter"],
  look: ["Ranger", "Rogue"],
  talk: ["Bard", "Cleric"],
  attack: ["Fighter", "Ranger", "Rogue"],
  reckless: ["Fighter", "Rogue", "Bard"],
  magic: ["Wizard", "Cleric", "Bard"],
  pray: ["Cleric", "Bard", "Ranger"],
  take: ["Rogue", "Ranger"],
  move: ["Ranger", "Fighter"],
  recap: ["Bard", "Wizard"],
  question: ["Wizard", "Bard", "Cleric"],
  other: [],
};

const isStanding = (hero: Hero) => hero.hp > 0;

function chooseHero({ heroes, intent, phrasing, avoid }: { heroes: readonly Hero[]; intent: Intent; phrasing: Phrasing; avoid?: Hero }): Hero | undefined {
  const standing = heroes.filter(isStanding);
  const candidates = standing.length > 1 && avoid ? standing.filter((hero) => hero !== avoid) : standing;
  const preference = PREFERRED_CLASSES[intent];
  const rank = (hero: Hero) => {
    const index = preference.indexOf(hero.class);
    return index < 0 ? preference.length : index;
  };
  const best = Math.min(...candidates.map(rank));
  const ties = candidates.filter((hero) => rank(hero) === best);
  return ties.length ? phrasing.pick(ties) : undefined;
}

/** The standing hero with the largest share of HP missing (ties: the first), if anyone is hurt. */
function mostHurt(heroes: readonly Hero[]): Hero | undefined {
  const hurt = heroes.filter((hero) => isStanding(hero) && hero.hp < maxHp(hero.class));
  return hurt.reduce<Hero | undefined>((worst, hero) => (!worst || hero.hp / maxHp(hero.class) < worst.hp / maxHp(worst.class) ? hero : worst), undefined);
}

const isBadlyHurt = (hero: Hero) => isStanding(hero) && hero.hp <= maxHp(hero.class) * 0.4;

// --- Words for the scene -------------------------------------------------------------------------

const TIME_CLAUSES: Readonly<Record<TimeOfDay, readonly string[]>> = {
  dawn: ["dawn is only a grey promise", "the first light is thin and cold"],
  day: ["the daylight is flat and grey", "the day gives no warmth"],
  dusk: ["dusk is closing in", "the light is failing"],
  night: ["night presses close", "the dark is thick around you"],
};

const ATMOSPHERE: Readonly<Record<Weather, readonly string[]>> = {
  snow: ["Snow [keeps falling|drifts down|hisses softly] over {location}, and {time}.", "[Outside|Beyond the walls], the snow [thickens|will not stop], and {time}."],
  fog: ["Fog [curls|coils|pools] around your boots, and {time}.", "Mist hangs over {location}, [swallowing|muffling] every sound."],
  rain: ["Rain [drums on|runs off] your hoods at {location}, and {time}.", "The rain [keeps coming|will not let up], [needling|hissing on] everything in sight."],
  storm: ["Thunder [rolls|cracks] [overhead|somewhere above], and {time}.", "The storm [howls|batters] around {location}[, and lightning shows you everything for a heartbeat|]."],
  clear: ["The air at {location} is [still|clear|quiet]; {time}.", "[Not a breath of wind stirs|Nothing stirs] at {location}, [as if it were listening|and every sound carries]."],
  embers: ["Sparks [drift|swirl|wink] through the [hot|heavy] air of {location}.", "Embers [glow|pulse] in every crack [around you|underfoot], and the heat [presses|leans] on you."],
};

const SIGIL_WORDS: Readonly<Record<SymbolChoice, { name: string; colour: string }>> = {
  order: { name: "hammer", colour: "a cold blue" },
  chaos: { name: "flame", colour: "an angry red" },
  balance: { name: "scales", colour: "a soft gold" },
};

const singular = (word: string) => word.replace(/(?<=[^s])s$/, "");

function matchDetail({ lore, words }: { lore: SceneLore; words: readonly string[] }): SceneDetail | undefined {
  const wanted = new Set(words.map(singular));
  return lore.details.find((detail) => detail.nouns.some((noun) => wanted.has(singular(noun))));
}

function matchCharacter({ lore, words }: { lore: SceneLore; words: readonly string[] }): SceneCharacter | undefined {
  const wanted = new Set(words.map(singular));
  return lore.characters.find((character) => character.nouns.some((noun) => wanted.has(singular(noun))));
}

const narrationSentences = (scene: Scene) => splitSentences(scene.narration);

/** "altar" → "an altar", "runes" → "runes", nothing → "anything useful". */
function indefinite(phrase: string): string {
  if (!phrase) return "anything useful";
  if (/[^s]s$/.test(phrase)) return phrase;
  return `${/^[aeiou]/.test(phrase) ? "an" : "a"} ${phrase}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
/** "Take the miner's goat path (skip ahead)" → "take the miner's goat path". */
const choicePhrase = (label: string) => lowerFirst(label.replace(/\s*\([^)]*\)$/, ""));

/** "the Old Bridge": scene locations read as places with an article. */
const placeName = (scene: Scene) => `the ${scene.location}`;

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

// --- Effects -------------------------------------------------------------------------------------

type PlannedEffect = { effect: GmEffect; toolCall: StorytellerToolCall };

function toolCallFor(effect: GmEffect): StorytellerToolCall {
  switch (effect.kind) {
    case "hp":
      return { name: "adjust_hp", args: { hero: effect.hero, delta: effect.delta, reason: effect.reason } };
    case "flag":
      return { name: "set_flag", args: { flag: effect.flag, reason: effect.reason } };
    case "clue":
      return { name: "give_clue", args: { scene: effect.scene, choice: effect.choice, reason: effect.reason } };
  }
}

/** The effect, if the game's own rules accept it right now; otherwise none (the story just goes on). */
function allowed({ state, effect }: { state: GameState; effect: GmEffect }): PlannedEffect | null {
  try {
    applyGmEffect(state, effect);
    return { effect, toolCall: toolCallFor(effect) };
  } catch {
    return null;
  }
}

/** Only calls the caller offered, with arguments its schema accepts. */
function offeredCalls({ planned, tools }: { planned: PlannedEffect | null; tools: readonly ToolSpec[] | undefined }): StorytellerToolCall[] {
  if (!planned || !tools) return [];
  const tool = tools.find((candidate) => candidate.name === planned.toolCall.name);
  return tool && tool.parameters.safeParse(planned.toolCall.args).success ? [planned.toolCall] : [];
}

const SOCIAL_REASON: Readonly<Record<SocialAct, string>> = {
  befriend: "made a friend of",
  bargain: "struck a bargain with",
  promise: "made a promise to",
  insult: "insulted",
};

const SOCIAL_FLAG_PREFIX: Readonly<Record<SocialAct, string>> = {
  befriend: "befriended",
  bargain: "bargained-with",
  promise: "promised",
  insult: "insulted",
};

// --- Narration -----------------------------------------------------------------------------------

type Context = {
  state: GameState;
  scene: Scene;
  lore: SceneLore;
  phrasing: Phrasing;
  reading: Reading;
  actor: Hero;
  /** The player's object with "the", or a detail of the scene when they named none. */
  object: string;
  /** The scene detail the player's words point at, if any. */
  detail: SceneDetail | undefined;
  /** A detail to fall back on. */
  anyDetail: SceneDetail;
  character: SceneCharacter | undefined;
  slots: Record<string, string | readonly string[]>;
};

type Beat = { sentences: string[]; planned: PlannedEffect | null; hook?: boolean };

function narrateHeal({ context, target }: { context: Context; target: Hero | undefined }): Beat {
  const { phrasing, actor, state, slots } = context;
  if (target && !isStanding(target)) {
    return {
      sentences: [
        phrasing.fill("{actor} kneels beside {target}, but {target} lies still, beyond what [a bandage|any salve] can mend.", { ...slots, target: target.name }),
        phrasing.fill("[Only the road ahead can change that, and you both know it.|For now, you keep them warm and keep moving.]", { ...slots, target: target.name }),
      ],
      planned: null,
    };
  }
  if (target && target.hp >= maxHp(target.class)) {
    return {
      sentences: [
        phrasing.fill("{target} waves {actor} off: [not a scratch worth a bandage|there is nothing to mend].", { ...slots, target: target.name }),
        phrasing.fill("[You save the bandages for later.|You keep the salve for when it counts.]", slots),
      ],
      planned: null,
    };
  }
  const patient = target ?? mostHurt(state.heroes);
  if (!patient || patient.hp >= maxHp(patient.class)) {
    return {
      sentences: [
        phrasing.fill("{actor} looks [the party|everyone] over with a [practised|careful] eye.", slots),
        phrasing.fill("[Nobody needs a bandage right now|There is nothing to patch up yet], [and you are glad of it|which you count a small blessing].", slots),
      ],
      planned: null,
    };
  }
  const delta = phrasing.between({ min: 3, max: 5 }) + (actor.class === "Cleric" ? 1 : 0);
  const planned = allowed({ state, effect: { kind: "hp", hero: patient.name, delta, reason: `${actor.name} tends ${patient === actor ? "their own" : `${patient.name}'s`} wounds` } });
  const who = { ...slots, target: patient === actor ? "their own hurts" : patient.name, patient: patient.name };
  const act =
    actor.class === "Cleric"
      ? "{actor} [murmurs a prayer over|lays a steady hand on] {target}, and warm light [knits the worst of it|eases the pain]."
      : "{actor} [cleans and binds|wraps|presses a poultice to] [the cuts on {target}|{target}'s worst wound], [working fast|with steady hands].";
  return {
    sentences: [phrasing.fill(act, who), phrasing.fill("{patient} [breathes easier|flexes a stiff hand|manages a crooked grin] [as you look on|, and you breathe a little easier too].", who)],
    planned,
  };
}

function narrateRest(context: Context): Beat {
  const { phrasing, state, slots } = context;
  const patient = mostHurt(state.heroes);
  const planned = patient ? allowed({ state, effect: { kind: "hp", hero: patient.name, delta: 2, reason: "a short rest" } }) : null;
  const first = phrasing.fill("You [stop|settle] for a while [at|in the shelter of] {location}, [sharing what food you have|backs to the cold].", slots);
  const second = planned
    ? phrasing.fill("{patient} [gets a little colour back|stops shaking|closes their eyes for a moment and looks better for it].", { ...slots, patient: patient!.name })
    : phrasing.fill("[Nobody is hurt enough to need it|Everyone is whole], but the pause does you good.", slots);
  return { sentences: [first, second], planned };
}

function clueFinding(context: Context): { sentence: string; planned: PlannedEffect } | null {
  const { state, scene, lore, phrasing, slots } = context;
  for (const { scene: key, choice } of clueableChoices(state)) {
    if (key !== scene.key) continue;
    const hint = lore.clueHints[choice.id] ?? `a sign that "${choicePhrase(choice.label)}" might be possible after all`;
    const planned = allowed({ state, effect: { kind: "clue", scene: key, choice: choice.id, reason: hint } });
    if (!planned) continue;
    return { sentence: phrasing.fill("{actor} [finds|discovers] {hint}.", { ...slots, hint }), planned };
  }
  return null;
}

function narrateSearch(context: Context): Beat {
  const { phrasing, detail, anyDetail, reading, slots } = context;
  const act = detail
    ? phrasing.fill("{actor} [crouches by|runs careful fingers over|leans close to|goes over] {object}, [slow and thorough|missing nothing|inch by inch].", slots)
    : reading.objectWords.length
      ? phrasing.fill("{actor} [hunts around|searches] for anything like {objectIndefinite} [near|at] {location}.", slots)
      : phrasing.fill("{actor} [searches|goes over] {location}, [slow and thorough|missing nothing].", slots);
  const clue = clueFinding(context);
  if (clue) {
    return { sentences: [act, clue.sentence, phrasing.fill("[That changes what you can try here.|Now you have another way forward.|It opens a way you did not have before.]", slots)], planned: clue.planned };
  }
  const found = detail
    ? phrasing.fill("[You see|You find] {sight}, [but nothing more|and nothing that changes your road].", { ...slots, sight: detail.sight })
    : phrasing.fill("[You find none here, only|Nothing of the kind turns up; you find only] {sight}.", { ...slots, sight: anyDetail.sight });
  return { sentences: [act, found], planned: null, hook: true };
}

function narrateLook(context: Context): Beat {
  const { phrasing, scene, detail, anyDetail, slots } = context;
  const sights = narrationSentences(scene);
  return {
    sentences: [
      phrasing.fill("{actor} [takes in|studies|scans] {location} [while the rest of you wait|as you catch up|and you follow their gaze].", slots),
      phrasing.fill("{sight}", { sight: detail ? `You see ${detail.sight}.` : phrasing.pick([`You see ${anyDetail.sight}.`, sights[0]!]) }),
    ],
    planned: null,
    hook: true,
  };
}

function narrateTalk(context: Context): Beat {
  const { phrasing, state, lore, character, reading, slots } = context;
  const listener = character ?? lore.characters[0];
  if (!listener) {
    return {
      sentences: [phrasing.fill("{actor} [speaks|calls out] into {location}.", slots), phrasing.fill("Only [echoes|the wind] answer.", slots)],
      planned: null,
    };
  }
  const who = { ...slots, listener: `the ${listener.nouns[0]}` };
  const social = reading.social;
  const planned = social
    ? allowed({ state, effect: { kind: "flag", flag: `${SOCIAL_FLAG_PREFIX[social]}-${listener.slug}`, reason: `${context.actor.name} ${SOCIAL_REASON[social]} ${who.listener}` } })
    : null;
  const opening: Record<SocialAct | "plain", string> = {
    plain: "{actor} [steps forward|clears their throat] and [speaks|calls out] to {listener} [for all of you|on your behalf].",
    befriend: "{actor} [offers {listener} a warm word and a heel of your bread|sits down beside {listener} as if you were all old friends].",
    bargain: "{actor} [haggles with|strikes up a bargain with] {listener} on your behalf, [coin by coin|giving nothing away].",
    promise: "{actor} gives {listener} your party's word, [plainly|hand on heart].",
    insult: "{actor} [hurls an insult at|loudly mocks] {listener} before you can stop them.",
  };
  const aftermath: Record<SocialAct, string> = {
    befriend: "[Something like friendship passes between you.|You have made a friend, of a sort.]",
    bargain: "[You strike a deal of sorts.|In the end, both you and {listener} think you won.]",
    promise: "[A promise made here will be remembered.|Now you will have to keep it.]",
    insult: "[You can tell it will not be forgotten.|It lands, and you can tell it will be remembered.]",
  };
  // The reply that answers what the player asked about ("the goat path"), else any.
  const asked = new Set(reading.doing.split(" ").filter((word) => word.length > 3).map(singular));
  const relevance = (reply: string) => reply.toLowerCase().split(/[^a-z']+/).filter((word) => asked.has(singular(word))).length;
  const bestRelevance = Math.max(...listener.replies.map(relevance));
  const reply = phrasing.pick(bestRelevance > 0 ? listener.replies.filter((candidate) => relevance(candidate) === bestRelevance) : listener.replies);
  const askedFor = reading.objectWords.join(" ");
  const sings = reading.verb.startsWith("sing");
  const first =
    !character && askedFor && !social
      ? phrasing.fill("There [is|are] no {askedFor} here, so {actor} [turns to|speaks to] {listener} on your behalf instead.".replace("[is|are]", /[^s]s$/.test(askedFor) ? "are" : "is"), { ...who, askedFor })
      : sings
        ? phrasing.fill("{actor} [clears their throat and sings|strikes up a song] for {listener} [while you wince|while you keep time], [off-key but brave|loud enough to echo].", who)
        : phrasing.fill(opening[social ?? "plain"], who);
  const sentences = [first, reply];
  if (social && planned) sentences.push(phrasing.fill(aftermath[social], who));
  return { sentences, planned };
}

function narrateHarm({ context, kind }: { context: Context; kind: "attack" | "reckless" }): Beat {
  const { phrasing, state, actor, character, reading, slots } = context;
  const struckHero = kind === "attack" ? reading.namedAfter.find((hero) => hero !== actor && isStanding(hero)) : undefined;
  if (struckHero) {
    return {
      sentences: [
        phrasing.fill("{actor} squares up to {target}, [fists raised|jaw set].", { ...slots, target: struckHero.name }),
        phrasing.fill("The rest of you pull them apart before it comes to blows; [the road is hard enough|there are worse enemies ahead].", slots),
      ],
      planned: null,
    };
  }
  const delta = -phrasing.between({ min: 1, max: 3 });
  const planned = allowed({ state, effect: { kind: "hp", hero: actor.name, delta, reason: kind === "attack" ? `${actor.name} picked a fight` : `${actor.name} tried something reckless` } });
  const target = character ? `the ${character.nouns[0]}` : context.object;
  const absent = kind === "attack" && !character && !context.detail && reading.objectWords.length > 0;
  const act = absent
    ? phrasing.fill("{actor} looks for {objectIndefinite} to fight and, finding none, [punches|kicks] {nearest} instead.", { ...slots, nearest: `the ${context.anyDetail.nouns[0]}` })
    : kind === "attack"
      ? phrasing.fill("{actor} [lunges at|swings at|goes for] {target} [without a second thought|with a shout].", { ...slots, target })
      : phrasing.fill("{actor} {verbs} {target}[ without a second thought|, just to see|].", { ...slots, target, verbs: thirdPerson({ verb: reading.verb, preposition: reading.preposition }) });
  const result = planned
    ? phrasing.fill(
        kind === "attack"
          ? "[It hits back harder|The blow glances off], and you watch {actor} come away [bruised and bleeding|with a split lip and a lesson]."
          : "[It bites back|That was a mistake|It does not go well]: you watch {actor} come away [scraped and smarting|with a jolt up one arm|limping for a step or two].",
        slots,
      )
    : phrasing.fill("[Somehow|By sheer luck] {actor} comes through it unhurt, [and you let out a breath|to your relief].", slots);
  return { sentences: [act, result], planned };
}

// Reckless verbs: how the actor does it, and the preposition when the player gave none.
const THIRD_PERSON: Readonly<Record<string, [verb: string, preposition: string]>> = {
  touch: ["touches", ""],
  dive: ["dives", "into"],
  swim: ["swims", "into"],
  ride: ["rides", ""],
  hug: ["hugs", ""],
  eat: ["bites", "into"],
  drink: ["drinks", "from"],
  taste: ["tastes", ""],
  lick: ["licks", ""],
  jump: ["jumps", "at"],
  leap: ["leaps", "at"],
  climb: ["climbs", ""],
  poke: ["pokes", "at"],
  prod: ["prods", "at"],
};

/** "jump" + "off" → "jumps off"; "touch" → "touches". */
function thirdPerson({ verb, preposition }: { verb: string; preposition: string }): string {
  const stem = Object.keys(THIRD_PERSON).find((key) => verb.startsWith(key));
  if (!stem) return "throws caution aside with";
  const [form, usual] = THIRD_PERSON[stem]!;
  return [form, preposition || usual].filter(Boolean).join(" ");
}

function narrateMagic(context: Context): Beat {
  const { phrasing, detail, anyDetail, slots } = context;
  return {
    sentences: [
      phrasing.fill("{actor} [traces a sign in the air|mutters a cantrip|calls up a spark] [at|over] {object}.", slots),
      phrasing.fill("[It glows faintly, then fades|Sparks dance across it, harmless], and you see {sight} [more clearly than before|in the brief light].", { ...slots, sight: (detail ?? anyDetail).sight }),
    ],
    planned: null,
  };
}

function narratePrayer(context: Context): Beat {
  const { phrasing, reading, slots } = context;
  return {
    sentences: [
      reading.objectWords.length
        ? phrasing.fill("{actor} [kneels|bows their head] [at|before] {object} and prays, [quietly|in a low voice].", slots)
        : phrasing.fill("{actor} [kneels|bows their head] and prays, [quietly|in a low voice], while the rest of you keep watch.", slots),
      phrasing.fill("[A hush falls over {location}|For a moment the air feels lighter], [and you feel heard|though nothing answers that you can see].", slots),
    ],
    planned: null,
    hook: true,
  };
}

function narrateOpen(context: Context): Beat {
  const { phrasing, slots } = context;
  const act = phrasing.fill("{actor} [works at|tries|tests] {object}, [patient and quiet|listening for a click].", slots);
  const clue = clueFinding(context);
  if (clue) return { sentences: [act, clue.sentence, phrasing.fill("[That changes what you can try here.|Now you have another way forward.]", slots)], planned: clue.planned };
  return { sentences: [act, phrasing.fill("[It will not give for you, not like this.|Nothing gives; you will need another way through.]", slots)], planned: null, hook: true };
}

function narrateTake(context: Context): Beat {
  const { phrasing, detail, anyDetail, slots } = context;
  return {
    sentences: detail
      ? [
          phrasing.fill("{actor} [reaches for|eyes] {object}.", slots),
          phrasing.fill("[You find|You see] {sight}; [better left where it is|nothing you can carry off], [you decide|on second thought].", { ...slots, sight: detail.sight }),
        ]
      : [
          phrasing.fill("{actor} looks for {objectIndefinite} worth taking.", slots),
          phrasing.fill("You find [none|nothing of the kind] here, only {sight}.", { ...slots, sight: anyDetail.sight }),
        ],
    planned: null,
  };
}

function narrateMove(context: Context): Beat {
  const { phrasing, reading, slots } = context;
  return {
    sentences: [
      reading.objectWords.length
        ? phrasing.fill("{actor} [takes a few steps toward|heads for|leads the way to] {object}, [and you follow|the rest of you close behind].", slots)
        : phrasing.fill("{actor} [leads the way|starts off|takes the lead], [and you follow|the rest of you close behind].", slots),
      phrasing.fill("[The real way on is a choice to make.|Whatever you do next, it starts here.]", slots),
    ],
    planned: null,
    hook: true,
  };
}

function narrateQuestion(context: Context): Beat {
  const { phrasing, scene, reading, slots } = context;
  const sentences = narrationSentences(scene);
  const wanted = new Set(reading.objectWords.map(singular));
  const overlap = (sentence: string) => sentence.toLowerCase().split(/[^a-z']+/).filter((word) => wanted.has(singular(word))).length;
  const best = sentences.reduce((top, sentence) => (overlap(sentence) > overlap(top) ? sentence : top), sentences[0]!);
  return {
    sentences: [phrasing.fill("{actor} [thinks it over|frowns at the question|answers quietly].", slots), phrasing.fill("[You look again|Remember where you are]: {answer}", { answer: best })],
    planned: null,
    hook: true,
  };
}

function narrateRecap({ context, lastOutcome }: { context: Context; lastOutcome: string | null | undefined }): Beat {
  const { phrasing, scene, slots } = context;
  return {
    sentences: [
      phrasing.fill("{actor} [sums it up|counts it off on their fingers] for the rest of you.", slots),
      lastOutcome ? phrasing.fill("[Not long ago|Last of all]: {outcome}", { outcome: lastOutcome }) : phrasing.fill("The tale has only just begun: {start}", { start: narrationSentences(scene)[0]! }),
    ],
    planned: null,
    hook: true,
  };
}

function narrateOther(context: Context): Beat {
  const { phrasing, reading, anyDetail, slots } = context;
  const doing = reading.doing || "make sense of the place";
  return {
    sentences: [
      phrasing.fill("{actor} [tries to|sets about trying to|decides to] {doing}.", { ...slots, doing }),
      phrasing.fill("[{location} takes no notice|Nothing much comes of it|It earns a few looks from the rest of you], [but|and] you notice {sight}.", { ...slots, sight: anyDetail.sight }),
    ],
    planned: null,
  };
}

// --- Framing sentences ---------------------------------------------------------------------------

function atmosphere(context: Context): string {
  const { phrasing, scene, slots } = context;
  return phrasing.fill(phrasing.pick(ATMOSPHERE[scene.weather]), { ...slots, time: TIME_CLAUSES[scene.time_of_day] });
}

/** A word about a fallen or badly hurt hero not in the action; fallen heroes are only ever described lying still. */
function partyNote({ context, involved }: { context: Context; involved: readonly Hero[] }): string | null {
  const { phrasing, state } = context;
  const others = state.heroes.filter((hero) => !involved.includes(hero));
  const fallen = others.find((hero) => !isStanding(hero));
  if (fallen) return phrasing.fill("{name} [lies still|is out cold], [breathing shallow|grey-faced and silent], and someone keeps a hand on their shoulder.", { name: fallen.name });
  const hurt = others.find(isBadlyHurt);
  if (hurt) return phrasing.fill("{name} is [favouring one side|pale and quiet|nursing a nasty cut], [but keeps up|and says nothing of it].", { name: hurt.name });
  return null;
}

function sigilNote(context: Context): string | null {
  const { phrasing, state, scene } = context;
  if (!state.symbol_choice || scene.index < 6) return null;
  const sigil = SIGIL_WORDS[state.symbol_choice];
  return phrasing.fill("The {name} sigil [glows|pulses] faintly, {colour} [on your hands|at the edge of sight].", sigil);
}

/** What the party could do next: a choice that matches the player's words, two open choices, or the sigils. */
function hook(context: Context): string | null {
  const { phrasing, state, reading } = context;
  const prompt = currentPrompt(state);
  if (prompt.kind === "symbol") return phrasing.fill("[Above you|Over the entrance], the hammer, the flame and the scales wait for your touch.", {});
  if (prompt.kind !== "choices") return null;
  const open = prompt.choices.filter((choice) => choice.blockedReason === null);
  if (open.length === 0) return null;
  // The player's verb ("pick", "climb", "pay"), and for handling things also the thing ("lock").
  const verb = reading.verb || (reading.doing.split(" ")[0] ?? "");
  const handled = reading.intent === "open" || reading.intent === "take" || reading.intent === "move" ? reading.objectWords : [];
  const said = new Set([verb, ...handled].map(singular).filter((word) => word.length > 2));
  const matching = open.filter((choice) => choice.label.toLowerCase().split(/[^a-z']+/).some((word) => said.has(singular(word))));
  if (matching.length) return phrasing.fill("[If you mean it|To do it properly], you could {option}.", { option: choicePhrase(phrasing.pick(matching).label) });
  const first = phrasing.pick(open);
  const rest = open.filter((choice) => choice !== first);
  const options = rest.length ? `${choicePhrase(first.label)}, or ${choicePhrase(phrasing.pick(rest).label)}` : choicePhrase(first.label);
  return phrasing.fill("[You could|From here you might] {options}.", { options });
}

// --- The whole reply -----------------------------------------------------------------------------

function endOfTale({ state, phrasing }: { state: GameState; phrasing: Phrasing }): string[] {
  const scene = getScene(state.scene_index);
  if (isDefeated(state)) {
    const names = listNames(state.heroes.map((hero) => hero.name));
    return [
      phrasing.fill("{location} [is quiet now|has gone still].", { location: placeName(scene) }),
      phrasing.fill("{names} [lie where they fell|lie still on the cold ground], and no word of yours can lift them.", { names }),
      phrasing.fill("[Your tale ends here, unless you begin it again.|This is where the tale of {party} ends.]", { party: state.party_name }),
    ];
  }
  const ending = getEnding(state);
  const standing = state.heroes.filter(isStanding);
  return [
    ending ? `The tale is told: ${ending.title}.` : "The tale is told.",
    ending ? splitSentences(ending.text)[0]! : "The mountain is quiet at last.",
    phrasing.fill("{name} [looks back down the long road you took|lets out a breath you did not know they were holding].", { name: phrasing.pick(standing.map((hero) => hero.name)) }),
  ];
}

const lastUserMessage = (messages: readonly ChatTurn[]) => [...messages].reverse().find((turn) => turn.role === "user")?.text ?? "";

export function tellStory({
  state,
  lastOutcome,
  messages,
  tools,
  replacing = "",
}: {
  state: GameState;
  lastOutcome?: string | null;
  messages: readonly ChatTurn[];
  tools?: readonly ToolSpec[];
  /** A reply the player asked to replace: it seeds the phrasing too, so the new version reads differently. */
  replacing?: string;
}): StorytellerReply {
  const message = lastUserMessage(messages).trim() || "look around";
  const partyKey = state.heroes.map((hero) => `${hero.name}:${hero.class}:${hero.hp}`).join(",");
  const phrasing = createPhrasing({ seed: hashText(`${message}|${state.scene_index}|${partyKey}|${messages.length}|${replacing}`) });

  if (isDefeated(state) || isFinished(state)) return { text: endOfTale({ state, phrasing }).map(tidySentence).join(" "), toolCalls: [] };

  const scene = getScene(state.scene_index);
  const lore = SCENE_LORE[scene.key];
  const reading = readMessage({ message, heroes: state.heroes });

  // A named, standing hero acts; a fallen one is only mentioned lying still.
  const healTarget = reading.intent === "heal" ? reading.namedAfter[0] : undefined;
  const named = reading.intent === "heal" || reading.intent === "talk" || reading.intent === "attack" ? reading.namedBefore[0] : (reading.namedBefore[0] ?? reading.namedAfter[0]);
  const fallenNamed = named && !isStanding(named) ? named : undefined;
  const actor = (named && isStanding(named) ? named : undefined) ?? chooseHero({ heroes: state.heroes, intent: reading.intent, phrasing, avoid: healTarget })!;

  const detail = matchDetail({ lore, words: reading.objectWords });
  const anyDetail = detail ?? phrasing.pick(lore.details);
  const objectName = reading.objectWords.join(" ");
  const context: Context = {
    state,
    scene,
    lore,
    phrasing,
    reading,
    actor,
    object: objectName ? `the ${objectName}` : `the ${anyDetail.nouns[0]}`,
    detail,
    anyDetail,
    character: matchCharacter({ lore, words: reading.objectWords }),
    slots: {
      actor: actor.name,
      location: placeName(scene),
      object: objectName ? `the ${objectName}` : `the ${anyDetail.nouns[0]}`,
      objectIndefinite: indefinite(objectName),
    },
  };

  const beat: Beat = (() => {
    switch (reading.intent) {
      case "heal":
        return narrateHeal({ context, target: healTarget });
      case "rest":
        return narrateRest(context);
      case "search":
        return narrateSearch(context);
      case "open":
        return narrateOpen(context);
      case "look":
        return narrateLook(context);
      case "talk":
        return narrateTalk(context);
      case "attack":
      case "reckless":
        return narrateHarm({ context, kind: reading.intent });
      case "magic":
        return narrateMagic(context);
      case "pray":
        return narratePrayer(context);
      case "take":
        return narrateTake(context);
      case "move":
        return narrateMove(context);
      case "question":
        return narrateQuestion(context);
      case "recap":
        return narrateRecap({ context, lastOutcome });
      case "other":
        return narrateOther(context);
    }
  })();

  // Two to five sentences: the beat, framed by what fits, most important first (a fallen hero the
  // player named always gets their word; a quoted reply may itself hold two sentences).
  const involved = [actor, ...(healTarget ? [healTarget] : []), ...(fallenNamed ? [fallenNamed] : [])];
  const fallenWord = fallenNamed
    ? phrasing.fill("{name} [lies still|is out cold] and can do nothing, so {actor} [steps in|goes instead].", { name: fallenNamed.name, actor: actor.name })
    : null;
  const opening = fallenWord ?? (reading.intent === "look" || phrasing.chance(0.6) ? atmosphere(context) : null);
  const note = phrasing.chance(0.6) ? partyNote({ context, involved }) : null;
  const sigil = phrasing.chance(0.3) ? sigilNote(context) : null;
  const next = beat.hook || phrasing.chance(0.35) ? hook(context) : null;
  const slotsByPriority: [slot: "opening" | "note" | "sigil" | "next", text: string | null][] = [
    ["opening", fallenWord],
    ["next", beat.hook ? next : null],
    ["opening", fallenWord ? null : opening],
    ["note", note],
    ["next", beat.hook ? null : next],
    ["sigil", sigil],
  ];
  const chosen = new Map<string, string>();
  let count = beat.sentences.reduce((total, sentence) => total + splitSentences(sentence).length, 0);
  for (const [slot, text] of slotsByPriority) {
    if (!text || chosen.has(slot) || count + splitSentences(text).length > 5) continue;
    chosen.set(slot, text);
    count += splitSentences(text).length;
  }
  const sentences = [chosen.get("opening"), ...beat.sentences, chosen.get("note"), chosen.get("sigil"), chosen.get("next")].filter((text): text is string => Boolean(text));

  return { text: sentences.map(tidySentence).join(" "), toolCalls: offeredCalls({ planned: beat.planned, tools }) };
}

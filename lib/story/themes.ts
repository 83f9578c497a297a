// Which focus themes a piece of the conversation touches: per-theme keyword lists, matched as whole
// words ("dad" and "dad's", never "dadaism"), so the interview can tell pending themes from covered
// ones. Pure and browser-safe.
import { THEME_PRESETS, type ThemePreset } from "./contract";

/** Lower-case words and phrases per preset. Verb forms are listed, not guessed: "laugh" is not "laughter". */
export const THEME_KEYWORDS: Readonly<Record<ThemePreset, readonly string[]>> = {
  adventure: ["adventure", "adventurous", "explore", "explored", "exploring", "expedition", "journey", "hike", "hiked", "hiking", "camping", "daring", "thrill", "wilderness", "quest"],
  family: ["family", "families", "parents", "mother", "father", "mom", "mum", "dad", "brother", "sister", "siblings", "grandmother", "grandfather", "grandma", "grandpa", "grandparents", "cousin", "aunt", "uncle", "son", "daughter", "relatives"],
  career: ["career", "job", "work", "worked", "working", "profession", "boss", "promotion", "business", "company", "hired", "colleague", "office", "apprentice", "apprenticeship"],
  love: ["love", "loved", "in love", "romance", "romantic", "married", "marriage", "wedding", "husband", "wife", "girlfriend", "boyfriend", "sweetheart", "fell for", "dating", "kissed"],
  challenge: ["challenge", "challenging", "struggle", "struggled", "struggling", "difficult", "hard time", "obstacle", "setback", "tough", "overcame", "overcome", "hardship"],
  growth: ["growth", "grow as", "learned", "learnt", "lesson", "matured", "realized", "realised", "wiser", "changed me", "taught me"],
  travel: ["travel", "traveled", "travelled", "traveling", "travelling", "trip", "abroad", "overseas", "voyage", "flight", "emigrated", "immigrated", "backpacking", "road trip", "moved to"],
  friendship: ["friend", "friendship", "best friend", "buddy", "pal", "companion", "classmate", "roommate"],
  legacy: ["legacy", "pass on", "passed down", "inheritance", "inherited", "heritage", "grandchildren", "future generations", "leave behind", "remembered for", "tradition"],
  identity: ["identity", "who i am", "who i was", "who you are", "who you were", "belong", "belonging", "roots", "culture", "true self", "fit in", "be myself"],
  father_figure: ["father", "dad", "daddy", "papa", "stepfather", "step-father", "stepdad", "godfather", "father figure"],
  mother_figure: ["mother", "mom", "mum", "mommy", "mummy", "mama", "stepmother", "step-mother", "stepmom", "godmother", "mother figure"],
  mentor: ["mentor", "teacher", "coach", "tutor", "professor", "role model", "guided", "taught me", "inspired me"],
  loss: ["died", "dying", "death", "passed away", "passing", "grief", "grieve", "grieved", "grieving", "funeral", "lost", "loss", "mourn", "mourned", "mourning", "widow", "widowed", "buried"],
  success: ["success", "successful", "succeeded", "achieved", "achievement", "accomplished", "proud", "won", "award", "prize", "graduated", "graduation", "promoted", "made it"],
  failure: ["failure", "fail", "failed", "failing", "mistake", "gave up", "fired", "bankrupt", "regret", "regretted", "flunked", "dropped out", "rejected", "rejection"],
  humor: ["laugh", "laughed", "laughing", "laughter", "funny", "joke", "joked", "joking", "hilarious", "prank", "giggle", "giggled", "humor", "humour", "silly", "comedy"],
  courage: ["courage", "courageous", "brave", "bravery", "bravely", "dared", "stood up", "spoke up", "took a chance", "took a risk", "risked", "fearless", "bold"],
  resilience: ["resilience", "resilient", "kept going", "keep going", "survived", "recovered", "bounced back", "never gave up", "persevered", "endured", "pulled through", "got through", "carried on", "started over", "start over"],
};

const PRESET_SET: ReadonlySet<string> = new Set(THEME_PRESETS);

// Words that say nothing on their own: a custom theme "my_first_job" is about a job, not about "my".
const FILLER_WORDS = new Set("a an and the of in on at to for with from my our your their his her its is was be being first".split(" "));

/** The words a theme is recognised by: a preset's list, or a custom theme's own words (split on "_"), whole phrase first. */
export function themeKeywords({ theme }: { theme: string }): string[] {
  if (PRESET_SET.has(theme)) return [...THEME_KEYWORDS[theme as ThemePreset]];
  const words = theme.toLowerCase().split(/_+/).filter(Boolean);
  const meaningful = words.filter((word) => !FILLER_WORDS.has(word) && word.length > 1);
  return [...new Set([...(words.length > 1 ? [words.join(" ")] : []), ...meaningful])];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One pattern per theme. A keyword counts with a plural or possessive ending ("dads", "dad's") but
 * not inside a longer word; an apostrophe followed by a letter continues a word ("won't" is not "won").
 */
function patternFor(keywords: readonly string[]): RegExp | null {
  if (!keywords.length) return null;
  const alternatives = keywords.map((keyword) => keyword.split(/\s+/).map(escapeRegExp).join("\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}]['’]?)(?:${alternatives.join("|")})(?:['’]s|s|es)?(?!['’]?[\\p{L}\\p{N}])`, "iu");
}

const patternCache = new Map<string, RegExp | null>();
function themePattern(theme: string): RegExp | null {
  if (!patternCache.has(theme)) {
    // Custom themes come from people: the cache only keeps the presets, so it cannot grow without bound.
    const pattern = patternFor(themeKeywords({ theme }));
    if (!PRESET_SET.has(theme)) return pattern;
    patternCache.set(theme, pattern);
  }
  return patternCache.get(theme)!;
}

/** The themes (of those given, in their order) that the text touches. */
export function themesCoveredBy({ themes, text }: { themes: readonly string[]; text: string }): string[] {
  return themes.filter((theme) => themePattern(theme)?.test(text) ?? false);
}

// The order of an interview: which phases a person goes through (it depends on their age range),
// where "next" leads, and where they may jump. Pure and browser-safe: the server decides with it
// and the timeline in the page draws with it, so both always agree.
import { CHAPTERS, type AgeRange, type Chapter, type StoryPhase } from "./contract";

/** The life chapters before the present that fit each age range: nobody under 18 has a midlife yet. */
export const CHAPTERS_BY_AGE_RANGE: Readonly<Record<AgeRange, readonly Chapter[]>> = {
  under_18: ["family_history", "childhood", "adolescence"],
  "18_30": ["family_history", "childhood", "adolescence", "early_adulthood"],
  "31_45": ["family_history", "childhood", "adolescence", "early_adulthood", "midlife"],
  "46_60": ["family_history", "childhood", "adolescence", "early_adulthood", "midlife"],
  "61_plus": ["family_history", "childhood", "adolescence", "early_adulthood", "midlife"],
};

/** The years each chapter covers, as a person reads them on a timeline. */
export const CHAPTER_ERAS: Readonly<Record<Chapter, string>> = {
  family_history: "Before birth",
  childhood: "Ages 0–12",
  adolescence: "Ages 13–18",
  early_adulthood: "Ages 19–35",
  midlife: "Ages 36–60",
  present: "Today",
};

const CHAPTER_SET: ReadonlySet<string> = new Set(CHAPTERS);

/** True for the life chapters (present included), false for greeting, age_range and synthesis. */
export const isChapter = (phase: StoryPhase): phase is Chapter => CHAPTER_SET.has(phase);

/**
 * The phases of an interview, in order. Until the age range is known only the present follows it:
 * the earlier chapters appear once the range says which of them fit.
 */
export function phasesFor({ ageRange }: { ageRange: AgeRange | null }): StoryPhase[] {
  return ["greeting", "age_range", ...(ageRange ? CHAPTERS_BY_AGE_RANGE[ageRange] : []), "present", "synthesis"];
}

/** The chapters of a phase list, in order (what a timeline shows). */
export function chaptersIn({ phases }: { phases: readonly StoryPhase[] }): Chapter[] {
  return phases.filter(isChapter);
}

/** Where `phase` sits among the chapters of the list (0 = the first chapter), or -1 when it is not one of them. */
export function chapterIndex({ phases, phase }: { phases: readonly StoryPhase[]; phase: StoryPhase }): number {
  return isChapter(phase) ? chaptersIn({ phases }).indexOf(phase) : -1;
}

// Every age range starts its chapters with family history, so its presence means the range is set
// (phasesFor is the only source of the lists): callers need not pass the range twice.
const hasAgeRange = (phases: readonly StoryPhase[]) => phases.includes("family_history");

/**
 * The phase "next" leads to, or null: at the synthesis (it ends the interview), at a phase the list
 * does not hold, and at age_range while no range is chosen (choosing one is what moves on from there).
 */
export function nextPhase({ phases, current }: { phases: readonly StoryPhase[]; current: StoryPhase }): StoryPhase | null {
  const index = phases.indexOf(current);
  if (index < 0 || current === "synthesis") return null;
  if (current === "age_range" && !hasAgeRange(phases)) return null;
  return phases[index + 1] ?? null;
}

/**
 * Whether the person may jump from `current` straight to `target`: only between the chapters of
 * their list (present included), once the interview is under way. The greeting and the age question
 * are never jump targets, the synthesis is reached only by "next" from the present, and it ends the
 * interview, so nothing jumps out of it either.
 */
export function canJumpTo({ phases, current, target }: { phases: readonly StoryPhase[]; current: StoryPhase; target: StoryPhase }): boolean {
  return isChapter(current) && isChapter(target) && target !== current && phases.includes(current) && phases.includes(target);
}

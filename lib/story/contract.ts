// The Life Story interview's wire contract and vocabulary, shared by the server and the browser:
// age ranges, phases, focus themes, and the synthesis and card shapes the AI must produce.
import { displayText, safeText, z } from "@/lib/zod";

export const AGE_RANGES = ["under_18", "18_30", "31_45", "46_60", "61_plus"] as const;
export type AgeRange = (typeof AGE_RANGES)[number];

export const AGE_RANGE_LABELS: Record<AgeRange, string> = {
  under_18: "Under 18",
  "18_30": "18–30",
  "31_45": "31–45",
  "46_60": "46–60",
  "61_plus": "61 and over",
};

/** The chapters of a life, in order. */
export const CHAPTERS = ["family_history", "childhood", "adolescence", "early_adulthood", "midlife", "present"] as const;
export type Chapter = (typeof CHAPTERS)[number];

/** Every phase of an interview: the greeting, choosing an age range, the chapters, the synthesis. */
export const STORY_PHASES = ["greeting", "age_range", ...CHAPTERS, "synthesis"] as const;
export type StoryPhase = (typeof STORY_PHASES)[number];

export const PHASE_LABELS: Record<StoryPhase, string> = {
  greeting: "Welcome",
  age_range: "Your age",
  family_history: "Family history",
  childhood: "Childhood",
  adolescence: "Adolescence",
  early_adulthood: "Early adulthood",
  midlife: "Midlife",
  present: "The present",
  synthesis: "Your story",
};

/** The 19 preset focus themes; custom ones are allowed too. */
export const THEME_PRESETS = [
  "adventure",
  "family",
  "career",
  "love",
  "challenge",
  "growth",
  "travel",
  "friendship",
  "legacy",
  "identity",
  "father_figure",
  "mother_figure",
  "mentor",
  "loss",
  "success",
  "failure",
  "humor",
  "courage",
  "resilience",
] as const;
export type ThemePreset = (typeof THEME_PRESETS)[number];

/** A theme as a person sees it: "father_figure" → "Father figure". */
export const themeLabel = (theme: string) => (theme.charAt(0).toUpperCase() + theme.slice(1)).replaceAll("_", " ");

export const STORY_BODY_LIMIT = 8 * 1024;
export const THEMES_MAX = 12;
export const CARDS_MIN = 3;
export const CARDS_MAX = 8;
export const CARD_TEXT_MAX = 300;

/** A focus theme: a preset, or the person's own word or two. */
export const themeSchema = displayText({ max: 40 }).transform((theme) => theme.trim().toLowerCase().replace(/\s+/g, "_"));

export const createStoryRequestSchema = z.strictObject({
  age_range: z.enum(AGE_RANGES).optional(),
  themes: z
    .array(themeSchema)
    .max(THEMES_MAX)
    .refine((themes) => new Set(themes).size === themes.length, "must not repeat a theme")
    .optional(),
});
export type CreateStoryRequest = z.input<typeof createStoryRequestSchema>;

export const phaseRequestSchema = z.union([
  z.strictObject({ action: z.literal("next") }),
  z.strictObject({ jump_to: z.enum(STORY_PHASES) }),
  z.strictObject({ age_range: z.enum(AGE_RANGES) }),
]);
export type PhaseRequest = z.infer<typeof phaseRequestSchema>;

const words = (min: number, max: number) => (text: string) => {
  const count = text.trim().split(/\s+/).filter(Boolean).length;
  return count >= min && count <= max;
};
const sentences = (min: number, max: number) => (text: string) => {
  const count = text.split(/(?<=[.!?])\s+/).filter((part) => part.trim()).length;
  return count >= min && count <= max;
};

const cardText = safeText({ min: 1, max: CARD_TEXT_MAX, multiline: true }).refine((text) => text.trim().length > 0, "must not be blank");
const cardTitle = displayText({ max: 60 }).refine(words(2, 5), "must be 2–5 words");

/** One game card as the AI writes it. */
export const generatedCardSchema = z.strictObject({
  title: cardTitle,
  text: cardText,
  phase: z.enum(CHAPTERS),
  theme: themeSchema,
});

/** What the synthesis must return: checked before anything is stored. */
export const synthesisSchema = z.strictObject({
  title: displayText({ max: 60 }).refine(words(1, 5), "must be at most 5 words"),
  essence: safeText({ min: 1, max: 400 }).refine(sentences(1, 2), "must be 1–2 sentences"),
  timeline: z
    .array(z.strictObject({ chapter: displayText({ max: 60 }), era: displayText({ max: 40 }), summary: safeText({ min: 1, max: 300 }) }))
    .length(5),
  key_moments: z.array(z.strictObject({ moment: safeText({ min: 1, max: 200 }), when: displayText({ max: 40 }) })).min(5).max(7),
  cards: z.array(generatedCardSchema).min(CARDS_MIN).max(CARDS_MAX),
});
export type Synthesis = z.infer<typeof synthesisSchema>;

/** A fresh set of cards (regeneration): the unlocked ones only, so the count stays within bounds with the locked. */
export const cardSetSchema = z.strictObject({ cards: z.array(generatedCardSchema).min(0).max(CARDS_MAX) });

export const updateCardRequestSchema = z
  .strictObject({ title: cardTitle.optional(), text: cardText.optional(), locked: z.boolean().optional() })
  .refine((change) => Object.keys(change).length > 0, "change at least one of title, text, locked");
export type UpdateCardRequest = z.infer<typeof updateCardRequestSchema>;

export const storyParamsSchema = z.strictObject({ storyId: z.uuid() });
export const cardParamsSchema = z.strictObject({ storyId: z.uuid(), cardId: z.uuid() });

export type StoryTheme = { theme: string; label: string; preset: boolean; covered: boolean };

export type StorySummary = {
  id: string;
  title: string | null;
  phase: StoryPhase;
  age_range: AgeRange | null;
  created_at: string;
  updated_at: string;
};

export type Story = StorySummary & {
  /** The phases this interview goes through, in order (they depend on the age range). */
  phases: StoryPhase[];
  themes: StoryTheme[];
  synthesis: Omit<Synthesis, "cards"> | null;
};

export type StoryCard = {
  id: string;
  title: string;
  text: string;
  phase: Chapter;
  theme: string;
  locked: boolean;
  deleted: boolean;
  position: number;
  updated_at: string;
};

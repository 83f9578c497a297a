import "server-only";
import { getPrisma } from "@/lib/db/client";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  AGE_RANGES,
  CARDS_MAX,
  CARDS_MIN,
  STORY_PHASES,
  THEME_PRESETS,
  themeLabel,
  type AgeRange,
  type Chapter,
  type PhaseRequest,
  type Story,
  type StoryCard,
  type StoryPhase,
  type StorySummary,
  type StoryTheme,
  type Synthesis,
  type UpdateCardRequest,
} from "./contract";
import { canJumpTo, nextPhase, phasesFor } from "./phases";
import { themesCoveredBy } from "./themes";

// Life Story interviews and their cards. Every query carries the owner: someone else's story is
// simply not there (404). The conversation itself lives in the chat domain (mode "story").

type StoredTheme = { theme: string; preset: boolean; covered: boolean };
type StoryRow = Prisma.StoryGetPayload<object>;

const isPreset = (theme: string) => (THEME_PRESETS as readonly string[]).includes(theme);
const asPhase = (value: string): StoryPhase => ((STORY_PHASES as readonly string[]).includes(value) ? (value as StoryPhase) : "greeting");
const asAgeRange = (value: string | null): AgeRange | null => ((AGE_RANGES as readonly string[]).includes(value ?? "") ? (value as AgeRange) : null);
const storedThemes = (row: StoryRow): StoredTheme[] => (Array.isArray(row.themes) ? (row.themes as StoredTheme[]) : []);

function toSummary(row: StoryRow): StorySummary {
  return { id: row.id, title: row.title, phase: asPhase(row.phase), age_range: asAgeRange(row.ageRange), created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString() };
}

function toStory(row: StoryRow): Story {
  const ageRange = asAgeRange(row.ageRange);
  return {
    ...toSummary(row),
    phases: phasesFor({ ageRange }),
    themes: storedThemes(row).map((entry): StoryTheme => ({ theme: entry.theme, label: themeLabel(entry.theme), preset: entry.preset, covered: entry.covered })),
    synthesis: (row.synthesis as Story["synthesis"]) ?? null,
  };
}

async function findOwnStory({ ownerId, storyId }: { ownerId: string; storyId: string }): Promise<StoryRow> {
  const prisma = await getPrisma();
  const row = await prisma.story.findFirst({ where: { id: storyId, ownerId } });
  if (!row) throw new NotFoundError("story");
  return row;
}

export async function createStory({ ownerId, ageRange, themes = [] }: { ownerId: string; ageRange?: AgeRange; themes?: string[] }): Promise<Story> {
  const prisma = await getPrisma();
  const row = await prisma.story.create({
    data: { ownerId, ageRange: ageRange ?? null, themes: themes.map((theme): StoredTheme => ({ theme, preset: isPreset(theme), covered: false })) },
  });
  return toStory(row);
}

export async function getStory({ ownerId, storyId }: { ownerId: string; storyId: string }): Promise<Story> {
  return toStory(await findOwnStory({ ownerId, storyId }));
}

/** The owner's interviews, most recent first. */
export async function listStories({ ownerId, limit = 50 }: { ownerId: string; limit?: number }): Promise<StorySummary[]> {
  const prisma = await getPrisma();
  const rows = await prisma.story.findMany({ where: { ownerId }, orderBy: { updatedAt: "desc" }, take: limit });
  return rows.map(toSummary);
}

export async function deleteStory({ ownerId, storyId }: { ownerId: string; storyId: string }): Promise<void> {
  const prisma = await getPrisma();
  const { count } = await prisma.story.deleteMany({ where: { id: storyId, ownerId } });
  if (count === 0) throw new NotFoundError("story");
}

/** A phase change, as the conversation records it. */
export type PhaseChange = { from: StoryPhase; to: StoryPhase; how: "next" | "jump" | "age_range" };

/**
 * Moves the interview: to the next phase, to a chapter of its timeline, or past the age question
 * once a range is chosen. Refused moves (a chapter this age range has not, a jump from the
 * greeting, past the end) are a 422 saying why.
 */
export async function changePhase({ ownerId, storyId, request }: { ownerId: string; storyId: string; request: PhaseRequest }): Promise<{ story: Story; change: PhaseChange | null }> {
  const row = await findOwnStory({ ownerId, storyId });
  const current = asPhase(row.phase);
  let ageRange = asAgeRange(row.ageRange);
  let target: StoryPhase | null;
  let how: PhaseChange["how"];
  if ("age_range" in request) {
    ageRange = request.age_range;
    how = "age_range";
    // Choosing the range answers the age question: the first chapter follows.
    target = current === "greeting" || current === "age_range" ? nextPhase({ phases: phasesFor({ ageRange }), current: "age_range" }) : current;
  } else if ("action" in request) {
    how = "next";
    target = nextPhase({ phases: phasesFor({ ageRange }), current });
    if (!target) throw new InvalidInputError("phase", { message: current === "age_range" ? "Choose an age range first." : "The interview is already at its end." });
  } else {
    how = "jump";
    const phases = phasesFor({ ageRange });
    if (!canJumpTo({ phases, current, target: request.jump_to })) {
      throw new InvalidInputError("phase", { message: `This interview cannot jump to "${request.jump_to}" now.` });
    }
    target = request.jump_to;
  }
  const prisma = await getPrisma();
  const updated = await prisma.story.update({ where: { id: row.id }, data: { ageRange, phase: target ?? current } });
  const change = target && target !== current ? { from: current, to: target, how } : null;
  return { story: toStory(updated), change };
}

/** Marks the story's themes a piece of the conversation touched; returns the newly covered ones. */
export async function markThemesCovered({ ownerId, storyId, text }: { ownerId: string; storyId: string; text: string }): Promise<string[]> {
  const row = await findOwnStory({ ownerId, storyId });
  const themes = storedThemes(row);
  const touched = new Set(themesCoveredBy({ themes: themes.filter((entry) => !entry.covered).map((entry) => entry.theme), text }));
  if (!touched.size) return [];
  const prisma = await getPrisma();
  await prisma.story.update({ where: { id: row.id }, data: { themes: themes.map((entry) => (touched.has(entry.theme) ? { ...entry, covered: true } : entry)) } });
  return [...touched];
}

// --- Synthesis and cards ----------------------------------------------------------------------

type CardRow = Prisma.StoryCardGetPayload<object>;

function toCard(row: CardRow): StoryCard {
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    phase: row.phase as Chapter,
    theme: row.theme,
    locked: row.locked,
    deleted: row.deletedAt !== null,
    position: row.position,
    updated_at: row.updatedAt.toISOString(),
  };
}

/** Stores a synthesis (title, essence, timeline, moments) and its cards, replacing the unlocked ones. */
export async function saveSynthesis({ ownerId, storyId, synthesis }: { ownerId: string; storyId: string; synthesis: Synthesis }): Promise<{ story: Story; cards: StoryCard[] }> {
  const row = await findOwnStory({ ownerId, storyId });
  const { cards, ...rest } = synthesis;
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await tx.story.update({ where: { id: row.id }, data: { title: rest.title, synthesis: rest, phase: "synthesis" } });
    await replaceUnlocked({ tx, storyId: row.id, cards });
  });
  return { story: await getStory({ ownerId, storyId }), cards: await listCards({ ownerId, storyId }) };
}

/** How many new cards a regeneration may write: the total stays within 3–8 with the locked ones. */
export async function cardsToWrite({ ownerId, storyId }: { ownerId: string; storyId: string }): Promise<{ count: number; locked: StoryCard[] }> {
  const cards = await listCards({ ownerId, storyId });
  const locked = cards.filter((card) => card.locked && !card.deleted);
  const unlockedBefore = cards.filter((card) => !card.locked && !card.deleted).length;
  const count = Math.min(CARDS_MAX - locked.length, Math.max(CARDS_MIN - locked.length, unlockedBefore, 0));
  return { count: Math.max(0, count), locked };
}

async function replaceUnlocked({ tx, storyId, cards }: { tx: Prisma.TransactionClient; storyId: string; cards: Synthesis["cards"] }): Promise<void> {
  // Unlocked cards that are not deleted make way; locked ones stay where they are; deleted ones stay restorable.
  await tx.storyCard.deleteMany({ where: { storyId, locked: false, deletedAt: null } });
  const last = await tx.storyCard.findFirst({ where: { storyId }, orderBy: { position: "desc" }, select: { position: true } });
  const start = (last?.position ?? 0) + 1;
  await tx.storyCard.createMany({ data: cards.map((card, index) => ({ storyId, title: card.title, text: card.text, phase: card.phase, theme: card.theme, position: start + index })) });
}

/** Writes the unlocked cards again (locked ones are kept as they are). */
export async function replaceUnlockedCards({ ownerId, storyId, cards }: { ownerId: string; storyId: string; cards: Synthesis["cards"] }): Promise<StoryCard[]> {
  const row = await findOwnStory({ ownerId, storyId });
  const prisma = await getPrisma();
  await prisma.$transaction((tx) => replaceUnlocked({ tx, storyId: row.id, cards }));
  return listCards({ ownerId, storyId });
}

/** The story's cards in order; deleted ones too (marked), so they can be restored. */
export async function listCards({ ownerId, storyId }: { ownerId: string; storyId: string }): Promise<StoryCard[]> {
  await findOwnStory({ ownerId, storyId });
  const prisma = await getPrisma();
  const rows = await prisma.storyCard.findMany({ where: { storyId }, orderBy: { position: "asc" } });
  return rows.map(toCard);
}

async function findOwnCard({ ownerId, storyId, cardId }: { ownerId: string; storyId: string; cardId: string }): Promise<CardRow> {
  const prisma = await getPrisma();
  const row = await prisma.storyCard.findFirst({ where: { id: cardId, storyId, story: { ownerId } } });
  if (!row) throw new NotFoundError("card");
  return row;
}

export async function updateCard({ ownerId, storyId, cardId, change }: { ownerId: string; storyId: string; cardId: string; change: UpdateCardRequest }): Promise<StoryCard> {
  const card = await findOwnCard({ ownerId, storyId, cardId });
  if (card.deletedAt) throw new InvalidInputError("card", { message: "Restore the card before changing it." });
  const prisma = await getPrisma();
  return toCard(await prisma.storyCard.update({ where: { id: card.id }, data: change }));
}

/** Soft delete (restorable); a locked card must be unlocked first. */
export async function deleteCard({ ownerId, storyId, cardId }: { ownerId: string; storyId: string; cardId: string }): Promise<StoryCard> {
  const card = await findOwnCard({ ownerId, storyId, cardId });
  if (card.locked) throw new InvalidInputError("card", { message: "Unlock the card before deleting it." });
  const prisma = await getPrisma();
  return toCard(await prisma.storyCard.update({ where: { id: card.id }, data: { deletedAt: card.deletedAt ?? new Date() } }));
}

export async function restoreCard({ ownerId, storyId, cardId }: { ownerId: string; storyId: string; cardId: string }): Promise<StoryCard> {
  const card = await findOwnCard({ ownerId, storyId, cardId });
  const prisma = await getPrisma();
  const live = await prisma.storyCard.count({ where: { storyId, deletedAt: null } });
  if (card.deletedAt && live >= CARDS_MAX) throw new InvalidInputError("card", { message: `A story keeps at most ${CARDS_MAX} cards: delete one first.` });
  return toCard(await prisma.storyCard.update({ where: { id: card.id }, data: { deletedAt: null } }));
}

/** A guest signing in brings its interviews along. */
export async function adoptGuestStories({ guestUserId, userId }: { guestUserId: string; userId: string }): Promise<number> {
  if (guestUserId === userId) return 0;
  const prisma = await getPrisma();
  return prisma.$executeRaw`
    UPDATE stories SET owner_id = ${userId}::uuid
    FROM users AS guest WHERE guest.id = ${guestUserId}::uuid AND guest.is_guest AND stories.owner_id = guest.id`;
}

import "server-only";
import { getAiProvider, type AiProvider } from "@/lib/ai";
import type { StoryTurn } from "@/lib/ai/types";
import { UpstreamError } from "@/lib/errors";
import { CARDS_MIN, CHAPTERS, cardSetSchema, synthesisSchema, type Story, type StoryCard, type Synthesis } from "./contract";
import { cardsPrompt, SYNTHESIS_PROMPT, transcriptForPrompt } from "./prompts";

// The AI's part after the interview: the synthesis, and fresh cards. generateJson validates what
// comes back with the contract's schemas (one repair attempt, then a clear error).

const themesOf = (story: Story) => story.themes.map((entry) => entry.theme);
const chaptersOf = (story: Story) => story.phases.filter((phase) => (CHAPTERS as readonly string[]).includes(phase));

export async function writeSynthesis({ story, transcript, provider = getAiProvider() }: { story: Story; transcript: StoryTurn[]; provider?: AiProvider }): Promise<Synthesis> {
  const { value } = await provider.generateJson({
    system: SYNTHESIS_PROMPT,
    messages: [{ role: "user", text: `Focus themes: ${themesOf(story).join(", ") || "none"}\n\n${transcriptForPrompt({ transcript })}` }],
    brief: { kind: "story_synthesis", transcript, themes: themesOf(story), chapters: chaptersOf(story) },
    schema: synthesisSchema,
  });
  return { ...value, cards: distinctCards({ cards: value.cards, locked: [] }) };
}

/** The words that make a card's topic, to tell two cards about the same thing apart. */
const topicOf = (card: { title: string }) => card.title.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, "").split(/\s+/).filter((word) => word.length > 3).sort().join(" ");

/** Drops cards that repeat a locked card's topic or an earlier one's. */
function distinctCards({ cards, locked }: { cards: Synthesis["cards"]; locked: Pick<StoryCard, "title">[] }): Synthesis["cards"] {
  const seen = new Set(locked.map(topicOf));
  return cards.filter((card) => {
    const topic = topicOf(card);
    if (topic && seen.has(topic)) return false;
    seen.add(topic);
    return true;
  });
}

/** `count` new cards on topics the locked ones do not cover. */
export async function writeCards({
  story,
  transcript,
  count,
  locked,
  provider = getAiProvider(),
}: {
  story: Story;
  transcript: StoryTurn[];
  count: number;
  locked: StoryCard[];
  provider?: AiProvider;
}): Promise<Synthesis["cards"]> {
  if (count === 0) return [];
  const lockedCards = locked.map(({ title, text, phase, theme }) => ({ title, text, phase, theme }));
  const { value } = await provider.generateJson({
    system: cardsPrompt({ count, locked: lockedCards }),
    messages: [{ role: "user", text: transcriptForPrompt({ transcript }) }],
    brief: { kind: "story_cards", transcript, themes: themesOf(story), count, locked: lockedCards },
    schema: cardSetSchema,
  });
  const cards = distinctCards({ cards: value.cards, locked }).slice(0, count);
  if (cards.length + locked.length < CARDS_MIN) throw new UpstreamError("ai_output", { message: "The storyteller could not find enough new moments for the cards. Try again, or unlock a card." });
  return cards;
}

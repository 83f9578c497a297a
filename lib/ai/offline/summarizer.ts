// The offline rolling summary: an extractive digest of older chat turns (what the player asked,
// which hero did what) folded into the summary so far. Deterministic; at most SUMMARY_MAX_CHARS.
import type { ChatTurn } from "../types";
import { splitSentences } from "./phrasing";

export const SUMMARY_MAX_CHARS = 600;

const PLAYER_ASK_MAX = 80;
const NARRATION_MAX = 140;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : cut.length)}…`;
}


/** Names and places: capitalized words that do not start the sentence. */
const laterProperNouns = (sentence: string) => [...sentence.matchAll(/(?<=[^.!?"“]\s)[A-Z][\p{L}'-]+/gu)].length;

// "Nim runs…", "Tova murmurs…": a sentence that opens on someone doing something.
const OPENS_ON_ACTOR = /^(?!(?:The|A|An|It|You|Your|There|This|That|Then|Now)\b)[A-Z][\p{L}'-]+ [a-z]+s\b/u;

/** The sentence of a narration turn that says most about who did what. */
function keySentence(text: string): string {
  const sentences = splitSentences(text);
  if (!sentences.length) return "";
  const score = (sentence: string) => (OPENS_ON_ACTOR.test(sentence) ? 3 : 0) + laterProperNouns(sentence);
  return sentences.reduce((best, sentence) => (score(sentence) > score(best) ? sentence : best), sentences[0]!);
}

function factOf(turn: ChatTurn): string {
  if (turn.role === "user") {
    const ask = clip(turn.text.replace(/[.!?]+$/, ""), PLAYER_ASK_MAX);
    return ask ? `You: ${ask}.` : "";
  }
  const sentence = clip(keySentence(turn.text), NARRATION_MAX);
  return sentence && !/[.!?…"”]$/.test(sentence) ? `${sentence}.` : sentence;
}

/**
 * Folds `turns` into `previousSummary`. When everything does not fit, the oldest facts go first:
 * the summary keeps the most recent part of the story.
 */
export function summarizeTurns({ turns, previousSummary }: { turns: readonly ChatTurn[]; previousSummary?: string | null }): string {
  const facts = [...splitSentences(previousSummary ?? ""), ...turns.map(factOf)].filter(Boolean);
  const kept: string[] = [];
  let length = 0;
  for (const fact of [...facts].reverse()) {
    const added = fact.length + (kept.length ? 1 : 0);
    if (length + added > SUMMARY_MAX_CHARS) break;
    kept.unshift(fact);
    length += added;
  }
  return kept.join(" ");
}

import "server-only";
import type { Brief, ChatTurn, ToolSpec } from "@/lib/ai";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { applyGmEffect, describeGmEffect, GM_TOOLS, GmEffectError, parseGmToolCall, type GmEffect } from "@/lib/game/gm-effects";
import { lastOutcome } from "@/lib/game/rules";
import type { GameState } from "@/lib/game/types";
import { logger } from "@/lib/log";
import { loadGame, saveGame } from "@/lib/saves/service";
import { PHASE_LABELS, type Story, type StoryPhase } from "@/lib/story/contract";
import { ageRangeIn } from "@/lib/story/flow";
import { interviewerPrompt } from "@/lib/story/prompts";
import { changePhase, getStory, markThemesCovered, type PhaseChange } from "@/lib/story/service";
import type { ChatEffect, ChatMode } from "./contract";
import { gameMasterPrompt } from "./prompts";

// What a conversation is about, and what that changes: the game master talks about a saved party
// and may apply game effects; the Life Story interviewer talks about a life, moves through its
// chapters and notices the themes it touches. The chat service is the same for both.

type Target = { ownerId: string; mode: ChatMode; sessionId: string };

export type Subject = { kind: "game"; state: GameState } | { kind: "story"; story: Story };

/** Effects one game-master reply may apply; a model asking for more gets the first ones. */
const EFFECTS_PER_REPLY = 3;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the conversation is about, read from the database (never from the request). */
export async function loadSubject({ ownerId, mode, sessionId }: Target): Promise<Subject> {
  if (mode === "story") {
    if (!UUID.test(sessionId)) throw new NotFoundError("story");
    return { kind: "story", story: await getStory({ ownerId, storyId: sessionId }) };
  }
  const saved = await loadGame({ ownerId, sessionId });
  if (!saved) throw new NotFoundError("party");
  return { kind: "game", state: saved.state };
}

/** The interview phase a new message belongs to (none in a game). */
export const phaseOf = (subject: Subject): StoryPhase | null => (subject.kind === "story" ? subject.story.phase : null);

/** A stored message as the context needs it. */
export type HistoryRow = { role: "user" | "assistant" | "event"; content: string; event: unknown };

/** What an `event` row records about a phase change. */
export type PhaseEvent = { kind: "phase"; from: StoryPhase; to: StoryPhase; how: PhaseChange["how"] };

/** The words a conversation shows for a phase change. */
export function phaseEventText(change: PhaseChange): string {
  const to = PHASE_LABELS[change.to];
  return change.how === "jump" ? `Jumped to: ${to}` : change.to === "synthesis" ? "The interview is complete" : `Next chapter: ${to}`;
}

/** The conversation as the model reads it: an event becomes a bracketed note in the player's turn. */
export function modelTurns(rows: HistoryRow[]): ChatTurn[] {
  return rows.map((row) => (row.role === "event" ? { role: "user", text: `[${row.content}]` } : { role: row.role, text: row.content }));
}

/** The phase change the reply should react to: an event after the last reply. */
function pendingTransition(rows: HistoryRow[]): PhaseEvent | null {
  for (const row of [...rows].reverse()) {
    if (row.role === "assistant") return null;
    const event = row.event as PhaseEvent | null;
    if (row.role === "event" && event?.kind === "phase") return event;
  }
  return null;
}

/** The instructions, the offline writer's brief and the tools of one reply. */
export function replyRequest({ subject, history, summary, replacing }: { subject: Subject; history: HistoryRow[]; summary: string | null; replacing?: string }): {
  system: string;
  brief: Brief;
  tools?: ToolSpec[];
} {
  if (subject.kind === "game") {
    const { state } = subject;
    const outcome = lastOutcome(state);
    return {
      system: gameMasterPrompt({ state, lastOutcome: outcome, summary }),
      brief: { kind: "game_master", state, lastOutcome: outcome, ...(replacing ? { replacing } : {}) },
      tools: [...GM_TOOLS],
    };
  }
  const { story } = subject;
  const transition = pendingTransition(history);
  const brief: Brief = {
    kind: "interviewer",
    phase: story.phase,
    ageRange: story.age_range,
    themes: story.themes,
    transition: transition ? { from: transition.from, to: transition.to, how: transition.how === "jump" ? "jump" : "next" } : null,
  };
  const system = interviewerPrompt({ phase: story.phase, ageRange: story.age_range, themes: story.themes, transition: brief.transition });
  return { system: summary ? `${system}\n\nEarlier in this interview (summary): ${summary}` : system, brief };
}

/**
 * Before a player's message is stored: the interview may move on by itself. Any answer to the
 * greeting starts it (the age question follows), and an answer that names an age range moves to
 * the first chapter. Returns the updated subject and the change to record, if any.
 */
export async function advanceOnMessage({ subject, target, text }: { subject: Subject; target: Target; text: string }): Promise<{ subject: Subject; change: PhaseChange | null }> {
  if (subject.kind !== "story") return { subject, change: null };
  const { phase, age_range: ageRange } = subject.story;
  const storyId = subject.story.id;
  if (phase === "greeting") {
    const { story, change } = await changePhase({ ownerId: target.ownerId, storyId, request: ageRange ? { age_range: ageRange } : { action: "next" } });
    return { subject: { kind: "story", story }, change };
  }
  if (phase === "age_range") {
    const named = ageRangeIn({ text })?.range;
    if (!named) return { subject, change: null };
    const { story, change } = await changePhase({ ownerId: target.ownerId, storyId, request: { age_range: named } });
    return { subject: { kind: "story", story }, change };
  }
  return { subject, change: null };
}

/** Applies the model's tool calls through the game's rules and saves the result as a new version. */
async function applyGameEffects({ target, calls }: { target: Target; calls: { name: string; args: unknown }[] }): Promise<{ effects: ChatEffect[]; version: number | null }> {
  const parsed: GmEffect[] = [];
  const refused: ChatEffect[] = [];
  for (const call of calls.slice(0, EFFECTS_PER_REPLY)) {
    try {
      parsed.push(parseGmToolCall(call.name, call.args));
    } catch (error) {
      if (!(error instanceof GmEffectError)) throw error;
      logger.warn({ tool: call.name, args: call.args, reason: error.code, detail: error.message }, "game-master effect refused");
      refused.push({ text: `Refused: ${error.message}`, applied: false });
    }
  }
  if (!parsed.length) return { effects: refused, version: null };

  // The player may move while the reply streams: apply to the latest save, once more on a conflict.
  for (let attempt = 1; ; attempt++) {
    const saved = await loadGame({ ownerId: target.ownerId, sessionId: target.sessionId });
    if (!saved) return { effects: refused, version: null };
    let state = saved.state;
    const effects: ChatEffect[] = [...refused];
    for (const effect of parsed) {
      try {
        const next = applyGmEffect(state, effect);
        effects.push({ text: describeGmEffect(effect, state, next), applied: true });
        state = next;
      } catch (error) {
        if (!(error instanceof GmEffectError)) throw error;
        logger.warn({ effect, reason: error.code, detail: error.message }, "game-master effect refused");
        effects.push({ text: `Refused: ${error.message}`, applied: false });
      }
    }
    if (!effects.some((effect) => effect.applied)) return { effects, version: null };
    try {
      const { version } = await saveGame({ ownerId: target.ownerId, sessionId: target.sessionId, state, expectedVersion: saved.version });
      return { effects, version };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 2) throw error;
    }
  }
}

/** What a complete reply changes beyond the conversation: game effects, or themes the interview touched. */
export async function afterReply({
  subject,
  target,
  calls,
  said,
}: {
  subject: Subject;
  target: Target;
  calls: { name: string; args: unknown }[];
  /** The player's words and the reply's. */
  said: string;
}): Promise<{ effects: ChatEffect[]; stateVersion: number | null; coveredThemes: string[] }> {
  if (subject.kind === "game") {
    if (!calls.length) return { effects: [], stateVersion: null, coveredThemes: [] };
    const { effects, version } = await applyGameEffects({ target, calls });
    return { effects, stateVersion: version, coveredThemes: [] };
  }
  const coveredThemes = await markThemesCovered({ ownerId: target.ownerId, storyId: subject.story.id, text: said });
  return { effects: [], stateVersion: null, coveredThemes };
}

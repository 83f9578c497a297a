import { describe, expect, test } from "vitest";
import { GM_TOOLS } from "@/lib/game/gm-effects";
import { sandboxState } from "@/lib/game/rules";
import { cardSetSchema, synthesisSchema } from "@/lib/story/contract";
import { phasesFor } from "@/lib/story/phases";
import { z } from "@/lib/zod";
import { AiError, type AiErrorKind } from "../errors";
import type { Brief, StoryTurn, TextRequest, TextStreamEvent } from "../types";
import { createOfflineProvider } from ".";
import { synthesize, writeCards } from "./biographer";
import { interview } from "./interviewer";
import { tellStory } from "./storyteller";

const state = { ...sandboxState(4), heroes: sandboxState(4).heroes.map((hero) => (hero.name === "Ilsa" ? { ...hero, hp: 5 } : hero)) };
const lastOutcome = "The troll bites each coin.";
const gameMaster: Brief = { kind: "game_master", state, lastOutcome };

const request = (overrides: Partial<TextRequest> = {}): TextRequest => ({
  system: "You are the game master.",
  messages: [{ role: "user", text: "Tova bandages Ilsa" }],
  brief: gameMaster,
  tools: [...GM_TOOLS],
  ...overrides,
});

async function consume(stream: AsyncIterable<TextStreamEvent>, onEvent?: (event: TextStreamEvent) => void) {
  const events: TextStreamEvent[] = [];
  let error: unknown = null;
  try {
    for await (const event of stream) {
      events.push(event);
      onEvent?.(event);
    }
  } catch (caught) {
    error = caught;
  }
  return { events, error };
}

function expectAiError(error: unknown, kind: AiErrorKind) {
  expect(error).toBeInstanceOf(AiError);
  expect((error as AiError).kind).toBe(kind);
}

const textOf = (events: TextStreamEvent[]) => events.flatMap((event) => (event.type === "text" ? [event.text] : [])).join("");

describe("offline streamText", () => {
  test("streams the storyteller's reply word by word, then its effect, then done with word counts", async () => {
    const { events, error } = await consume(createOfflineProvider({ wordDelayMs: 0 }).streamText(request()));
    expect(error).toBeNull();
    const expected = tellStory({ state, lastOutcome, messages: request().messages, tools: [...GM_TOOLS] });
    const textEvents = events.filter((event) => event.type === "text");
    expect(textEvents.length).toBe(expected.text.split(" ").length);
    for (const event of textEvents) expect(event.text).toMatch(/^\S+\s?$/);
    expect(textOf(events)).toBe(expected.text);
    expect(events.slice(textEvents.length)).toEqual([
      ...expected.toolCalls.map((call) => ({ type: "tool_call", name: call.name, args: call.args })),
      {
        type: "done",
        usage: { model: "offline-storyteller", inputTokens: 8, outputTokens: expected.text.split(" ").length },
        finishReason: "stop",
      },
    ]);
    expect(expected.toolCalls).toHaveLength(1);
  });

  test("waits between words, and the caller's abort stops it promptly", async () => {
    const controller = new AbortController();
    const started = performance.now();
    let abortedAt = 0;
    const { events, error } = await consume(createOfflineProvider({ wordDelayMs: 40 }).streamText(request({ signal: controller.signal })), () => {
      if (abortedAt === 0 && performance.now() - started > 100) {
        abortedAt = performance.now();
        controller.abort();
      }
    });
    expectAiError(error, "aborted");
    const words = events.filter((event) => event.type === "text").length;
    expect(words).toBeGreaterThanOrEqual(2);
    expect(words).toBeLessThan(10);
    expect(events.some((event) => event.type === "done")).toBe(false);
    expect(performance.now() - abortedAt).toBeLessThan(250);
  });

  test("an already aborted signal: AiError aborted before any word", async () => {
    const { events, error } = await consume(createOfflineProvider({ wordDelayMs: 0 }).streamText(request({ signal: AbortSignal.abort() })));
    expect(events).toEqual([]);
    expectAiError(error, "aborted");
  });

  test("emits only offered tools, none without tools", async () => {
    const provider = createOfflineProvider({ wordDelayMs: 0 });
    const withoutTools = await consume(provider.streamText(request({ tools: undefined })));
    expect(withoutTools.events.some((event) => event.type === "tool_call")).toBe(false);
    const onlyFlags = await consume(provider.streamText(request({ tools: GM_TOOLS.filter((tool) => tool.name === "set_flag") })));
    expect(onlyFlags.events.some((event) => event.type === "tool_call")).toBe(false);
  });

  test("a summarizer brief streams the rolling summary", async () => {
    const brief: Brief = {
      kind: "summarizer",
      turns: [
        { role: "user", text: "befriend the troll" },
        { role: "assistant", text: "Tova offers the troll a warm word. The troll grins." },
      ],
      previousSummary: "You: look around.",
    };
    const { events } = await consume(createOfflineProvider({ wordDelayMs: 0 }).streamText(request({ brief })));
    expect(textOf(events)).toBe("You: look around. You: befriend the troll. Tova offers the troll a warm word.");
    expect(events.at(-1)).toMatchObject({ type: "done", usage: { model: "offline-summarizer" } });
  });

  test("a json_example brief streams its value as JSON", async () => {
    const { events } = await consume(createOfflineProvider({ wordDelayMs: 0 }).streamText(request({ brief: { kind: "json_example", value: { mood: "calm", toll: 3 } } })));
    expect(JSON.parse(textOf(events))).toEqual({ mood: "calm", toll: 3 });
  });

  test("an interviewer brief streams the interviewer's reply", async () => {
    const brief: Brief = { kind: "interviewer", phase: "childhood", ageRange: "31_45", themes: [], transition: null };
    const messages = [
      { role: "assistant" as const, text: "What is your first memory?" },
      { role: "user" as const, text: "My grandmother Rosa lived in Lisbon." },
    ];
    const { events, error } = await consume(createOfflineProvider({ wordDelayMs: 0 }).streamText(request({ brief, messages, tools: undefined })));
    expect(error).toBeNull();
    const expected = interview({ brief, messages });
    expect(textOf(events)).toBe(expected);
    expect(expected).toMatch(/Rosa|Lisbon/);
    expect(events.at(-1)).toEqual({ type: "done", usage: { model: "offline-interviewer", inputTokens: 16, outputTokens: expected.split(" ").length }, finishReason: "stop" });
  });

  test("synthesis and card briefs are JSON: streamText refuses them", async () => {
    const provider = createOfflineProvider({ wordDelayMs: 0 });
    const synthesis: Brief = { kind: "story_synthesis", transcript: [], themes: [], chapters: [] };
    const cards: Brief = { kind: "story_cards", transcript: [], themes: [], count: 3, locked: [] };
    expectAiError((await consume(provider.streamText(request({ brief: synthesis })))).error, "bad_request");
    expectAiError((await consume(provider.streamText(request({ brief: cards })))).error, "bad_request");
  });

  test("a brief it cannot write: AiError bad_request", async () => {
    const unknownKind = { kind: "story_board" } as unknown as Brief;
    expectAiError((await consume(createOfflineProvider({ wordDelayMs: 0 }).streamText(request({ brief: unknownKind })))).error, "bad_request");
    const outsideTheStory: Brief = { kind: "game_master", state: { ...state, scene_index: 99 } };
    expectAiError((await consume(createOfflineProvider({ wordDelayMs: 0 }).streamText(request({ brief: outsideTheStory })))).error, "bad_request");
  });
});

describe("offline generateJson", () => {
  const schema = z.strictObject({ mood: z.enum(["calm", "angry"]), toll: z.number().int() });
  const jsonRequest = { system: "Judge the troll.", messages: [{ role: "user" as const, text: "How is the troll?" }], schema };

  test("returns the example value, validated", async () => {
    const result = await createOfflineProvider({ wordDelayMs: 0 }).generateJson({ ...jsonRequest, brief: { kind: "json_example", value: { mood: "calm", toll: 3 } } });
    expect(result).toEqual({ value: { mood: "calm", toll: 3 }, usage: { model: "offline-json", inputTokens: 7, outputTokens: 1 } });
  });

  test("an example the schema rejects: AiError invalid_output", async () => {
    const error = await createOfflineProvider({ wordDelayMs: 0 })
      .generateJson({ ...jsonRequest, brief: { kind: "json_example", value: { mood: "furious", toll: 3 } } })
      .catch((caught: unknown) => caught);
    expectAiError(error, "invalid_output");
  });

  const transcript: StoryTurn[] = [
    { phase: "childhood", role: "assistant", text: "What is your first memory?" },
    { phase: "childhood", role: "user", text: "My grandmother Rosa lived in Lisbon, and every summer we stayed with her." },
    { phase: "adolescence", role: "user", text: "My best friend Tomas and I built a raft on the river." },
    { phase: "present", role: "user", text: "Today I bake bread every Sunday for my grandchildren." },
  ];
  const story = { system: "Write the synthesis.", messages: [{ role: "user" as const, text: "Gather my story." }] };

  test("a story_synthesis brief: the biographer's synthesis, validated by the request's schema", async () => {
    const brief: Brief = { kind: "story_synthesis", transcript, themes: ["family"], chapters: phasesFor({ ageRange: "18_30" }) };
    const result = await createOfflineProvider({ wordDelayMs: 0 }).generateJson({ ...story, brief, schema: synthesisSchema });
    expect(result.value).toEqual(synthesize({ transcript, themes: ["family"], chapters: phasesFor({ ageRange: "18_30" }) }));
    expect(result.value.timeline).toHaveLength(5);
    expect(result.usage).toMatchObject({ model: "offline-biographer", inputTokens: 6 });
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  test("a story_cards brief: exactly the cards asked for, none on a locked card's topic", async () => {
    const locked = [{ title: "Grandmother Rosa", text: "Their grandmother Rosa lived in Lisbon.", phase: "childhood", theme: "family" }];
    const brief: Brief = { kind: "story_cards", transcript, themes: [], count: 4, locked };
    const result = await createOfflineProvider({ wordDelayMs: 0 }).generateJson({ ...story, brief, schema: cardSetSchema });
    expect(result.value).toEqual(writeCards({ transcript, themes: [], count: 4, locked }));
    expect(result.value.cards).toHaveLength(4);
    expect(result.value.cards.some((card) => /Rosa/.test(card.text))).toBe(false);
    expect(result.usage.model).toBe("offline-biographer");
  });

  test("story output the request's schema rejects: AiError invalid_output", async () => {
    const provider = createOfflineProvider({ wordDelayMs: 0 });
    const synthesisBrief: Brief = { kind: "story_synthesis", transcript, themes: [], chapters: phasesFor({ ageRange: "18_30" }) };
    const tooFewCards = synthesisSchema.extend({ cards: synthesisSchema.shape.cards.max(1) });
    const synthesisError = await provider.generateJson({ ...story, brief: synthesisBrief, schema: tooFewCards }).catch((caught: unknown) => caught);
    expectAiError(synthesisError, "invalid_output");
    expect((synthesisError as AiError).model).toBe("offline-biographer");
    expect((synthesisError as AiError).message).toMatch(/^The synthesis does not match the schema: cards/);
    const cardsBrief: Brief = { kind: "story_cards", transcript, themes: [], count: 3, locked: [] };
    expectAiError(await provider.generateJson({ ...story, brief: cardsBrief, schema: synthesisSchema }).catch((caught: unknown) => caught), "invalid_output");
  });

  test("a brief without a JSON writer: AiError bad_request", async () => {
    const error = await createOfflineProvider({ wordDelayMs: 0 })
      .generateJson({ ...jsonRequest, brief: gameMaster })
      .catch((caught: unknown) => caught);
    expectAiError(error, "bad_request");
    const interviewer: Brief = { kind: "interviewer", phase: "childhood", ageRange: null, themes: [], transition: null };
    expectAiError(await createOfflineProvider({ wordDelayMs: 0 }).generateJson({ ...jsonRequest, brief: interviewer }).catch((caught: unknown) => caught), "bad_request");
  });
});

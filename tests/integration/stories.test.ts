// The Life Story interview through its routes, against the real database: the phase machine, the
// age ranges' chapters, theme coverage, the synthesis (offline, and Gemini's with its repair and
// its clear error), and cards that keep what is locked.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import * as cardById from "@/app/api/v1/stories/[storyId]/cards/[cardId]/route";
import * as cardRestore from "@/app/api/v1/stories/[storyId]/cards/[cardId]/restore/route";
import * as cardsRegenerate from "@/app/api/v1/stories/[storyId]/cards/regenerate/route";
import * as cards from "@/app/api/v1/stories/[storyId]/cards/route";
import * as phase from "@/app/api/v1/stories/[storyId]/phase/route";
import * as storyById from "@/app/api/v1/stories/[storyId]/route";
import * as synthesis from "@/app/api/v1/stories/[storyId]/synthesis/route";
import * as stories from "@/app/api/v1/stories/route";
import { createAiProvider } from "@/lib/ai";
import { createOfflineProvider } from "@/lib/ai/offline";
import { adoptGuestData } from "@/lib/auth/guest-adoption";
import { env } from "@/lib/env";
import type { Story, StoryCard } from "@/lib/story/contract";
import { startFakeGemini, type FakeGemini } from "../support/fake-gemini";
import { createTestUser, request, toJson, type TestUser } from "./api";
import { getHistory, streamAll, useProvider } from "./chat-client";

vi.hoisted(() => {
  process.env.RATE_LIMIT_CHAT_PER_MINUTE = "100000";
  process.env.RATE_LIMIT_CHAT_PLAYER_PER_DAY = "100000";
});

let person: TestUser;
let fake: FakeGemini;
let restoreProvider: () => void;

const json = (body: unknown) => JSON.stringify(body);
const headersOf = (user: TestUser) => ({ ...user.headers, "content-type": "application/json" });
const context = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

async function newStory(body: unknown = {}, user: TestUser = person): Promise<Story> {
  const response = await toJson<Story>(await stories.POST(request("/api/v1/stories", { method: "POST", body: json(body), headers: headersOf(user) })));
  expect(response.status).toBe(201);
  return response.body;
}

async function movePhase(storyId: string, body: unknown, user: TestUser = person) {
  return toJson<{ story: Story; event: { content: string } | null }>(
    await phase.POST(request(`/api/v1/stories/${storyId}/phase`, { method: "POST", body: json(body), headers: headersOf(user) }), context({ storyId })),
  );
}

async function say(storyId: string, message: string) {
  return streamAll({ body: { session_id: storyId, mode: "story", message }, headers: person.headers });
}

async function synthesize(storyId: string) {
  return toJson<{ story: Story; cards: StoryCard[] }>(await synthesis.POST(request(`/api/v1/stories/${storyId}/synthesis`, { method: "POST", headers: person.headers }), context({ storyId })));
}

async function listCards(storyId: string) {
  return (await toJson<{ cards: StoryCard[] }>(await cards.GET(request(`/api/v1/stories/${storyId}/cards`, { headers: person.headers }), context({ storyId })))).body.cards;
}

async function changeCard(storyId: string, cardId: string, change: unknown) {
  return toJson<StoryCard>(await cardById.PUT(request(`/api/v1/stories/${storyId}/cards/${cardId}`, { method: "PUT", body: json(change), headers: headersOf(person) }), context({ storyId, cardId })));
}

/** An interview told through to its end with the offline interviewer. */
async function toldStory(): Promise<Story> {
  const story = await newStory({ age_range: "31_45", themes: ["family", "travel", "music"] });
  await say(story.id, "Yes, I'm ready.");
  await say(story.id, "My grandmother Rosa came from Lisbon; she sang fado in the kitchen every Sunday.");
  await movePhase(story.id, { action: "next" });
  await say(story.id, "I grew up in Porto near the river, and I was scared of the big dog next door.");
  await movePhase(story.id, { jump_to: "present" });
  await say(story.id, "Today I teach music in Berlin and travel home every summer with my daughter Ana.");
  return story;
}

beforeAll(async () => {
  person = await createTestUser();
  fake = await startFakeGemini();
  restoreProvider = useProvider(createOfflineProvider({ wordDelayMs: 0 }));
});
afterAll(async () => {
  restoreProvider();
  await fake.close();
});
afterEach(() => fake.reset());

describe("the interview's phases", () => {
  test("a new interview greets first, moves to the age question on any answer, and to the first chapter once an age is named", async () => {
    const story = await newStory({ themes: ["family", "father_figure", "my garden"] });
    expect(story).toMatchObject({ phase: "greeting", age_range: null, phases: ["greeting", "age_range", "present", "synthesis"] });
    expect(story.themes.map((theme) => [theme.theme, theme.preset, theme.covered])).toEqual([
      ["family", true, false],
      ["father_figure", true, false],
      ["my_garden", false, false],
    ]);

    await say(story.id, "Hello! Yes, let's start.");
    const asked = await toJson<Story>(await storyById.GET(request(`/api/v1/stories/${story.id}`, { headers: person.headers }), context({ storyId: story.id })));
    expect(asked.body.phase).toBe("age_range");

    const answered = await say(story.id, "I'm 34.");
    expect(answered.events[0]).toMatchObject({ event: "message", data: { event: { role: "event", content: "Next chapter: Family history" } } });
    const now = (await toJson<Story>(await storyById.GET(request(`/api/v1/stories/${story.id}`, { headers: person.headers }), context({ storyId: story.id })))).body;
    expect(now).toMatchObject({ phase: "family_history", age_range: "31_45" });
    expect(now.phases).toEqual(["greeting", "age_range", "family_history", "childhood", "adolescence", "early_adulthood", "midlife", "present", "synthesis"]);
    // The reply opens the new chapter.
    expect(answered.text).toMatch(/\*\*Family history\*\*/i);
  });

  test.each([
    ["under_18", ["family_history", "childhood", "adolescence"]],
    ["18_30", ["family_history", "childhood", "adolescence", "early_adulthood"]],
    ["31_45", ["family_history", "childhood", "adolescence", "early_adulthood", "midlife"]],
    ["61_plus", ["family_history", "childhood", "adolescence", "early_adulthood", "midlife"]],
  ] as const)("the %s range has its chapters", async (ageRange, chapters) => {
    const story = await newStory({ age_range: ageRange });
    expect(story.phases).toEqual(["greeting", "age_range", ...chapters, "present", "synthesis"]);
  });

  test("next, jump and the age buttons move the interview and each change joins the conversation; impossible moves are 422s", async () => {
    const story = await newStory();
    expect((await movePhase(story.id, { jump_to: "childhood" })).status).toBe(422); // no chapters before an age range
    const aged = await movePhase(story.id, { age_range: "18_30" });
    expect(aged.body).toMatchObject({ story: { phase: "family_history", age_range: "18_30" }, event: { content: "Next chapter: Family history" } });
    expect((await movePhase(story.id, { action: "next" })).body.story.phase).toBe("childhood");
    expect((await movePhase(story.id, { jump_to: "midlife" })).status).toBe(422); // not in an 18–30 life
    const jumped = await movePhase(story.id, { jump_to: "early_adulthood" });
    expect(jumped.body).toMatchObject({ story: { phase: "early_adulthood" }, event: { content: "Jumped to: Early adulthood" } });
    expect((await movePhase(story.id, { action: "next" })).body.story.phase).toBe("present");
    expect((await movePhase(story.id, { action: "next" })).body.story.phase).toBe("synthesis");
    expect((await movePhase(story.id, { action: "next" })).status).toBe(422);
    expect((await movePhase(story.id, { jump_to: "nowhere" })).status).toBe(422);
  });

  test("the interviewer answers a chapter change on its own (regenerate after an event), opening the new chapter", async () => {
    const story = await newStory({ age_range: "46_60" });
    await say(story.id, "Ready.");
    await say(story.id, "My father Jonas fixed boats in Gdansk.");
    await movePhase(story.id, { action: "next" });
    const opener = await streamAll({ kind: "regenerate", body: { session_id: story.id, mode: "story" }, headers: person.headers });
    expect(opener.events[0]).toMatchObject({ event: "message", data: { user: { role: "event", content: "Next chapter: Childhood" } } });
    expect(opener.text).toMatch(/\*\*Childhood\*\*/);
    expect(opener.text).toMatch(/\?/);
  });

  test("themes the conversation touches are marked covered", async () => {
    const story = await newStory({ age_range: "31_45", themes: ["father_figure", "humor", "travel"] });
    await say(story.id, "Ready.");
    const reply = await say(story.id, "My dad always told silly jokes at dinner, and we laughed until we cried.");
    expect(reply.events.find((event) => event.event === "themes")).toMatchObject({ data: { covered: expect.arrayContaining(["father_figure", "humor"]) } });
    const now = (await toJson<Story>(await storyById.GET(request(`/api/v1/stories/${story.id}`, { headers: person.headers }), context({ storyId: story.id })))).body;
    expect(Object.fromEntries(now.themes.map((theme) => [theme.theme, theme.covered]))).toEqual({ father_figure: true, humor: true, travel: false });
  });
});

describe("synthesis and cards", () => {
  test("offline: the synthesis validates and its cards are stored; locking, editing, deleting and restoring cards", async () => {
    const story = await toldStory();
    const made = await synthesize(story.id);
    expect(made.status).toBe(200);
    expect(made.body.story.phase).toBe("synthesis");
    expect(made.body.story.synthesis!.timeline).toHaveLength(5);
    expect(made.body.cards.length).toBeGreaterThanOrEqual(3);
    expect(made.body.cards.length).toBeLessThanOrEqual(8);

    const [first, second] = made.body.cards;
    const locked = await changeCard(story.id, first!.id, { locked: true, title: "Rosa's Sunday Fado" });
    expect(locked.body).toMatchObject({ locked: true, title: "Rosa's Sunday Fado" });
    expect((await changeCard(story.id, first!.id, { title: "One" })).status).toBe(422); // 2–5 words
    expect((await changeCard(story.id, first!.id, { text: "x".repeat(301) })).status).toBe(422);

    const deleted = await toJson<StoryCard>(await cardById.DELETE(request(`/api/v1/stories/${story.id}/cards/${second!.id}`, { method: "DELETE", headers: person.headers }), context({ storyId: story.id, cardId: second!.id })));
    expect(deleted.body).toMatchObject({ deleted: true });
    const restored = await toJson<StoryCard>(await cardRestore.POST(request(`/api/v1/stories/${story.id}/cards/${second!.id}/restore`, { method: "POST", headers: person.headers }), context({ storyId: story.id, cardId: second!.id })));
    expect(restored.body).toMatchObject({ deleted: false });
    // A locked card cannot be deleted.
    expect((await toJson(await cardById.DELETE(request(`/api/v1/stories/${story.id}/cards/${first!.id}`, { method: "DELETE", headers: person.headers }), context({ storyId: story.id, cardId: first!.id })))).status).toBe(422);
  });

  test("regenerating keeps locked cards unchanged, repeats none of their topics, and stays within 3–8", async () => {
    const story = await toldStory();
    const made = (await synthesize(story.id)).body.cards;
    const keep = made[0]!;
    await changeCard(story.id, keep.id, { locked: true });
    for (let round = 0; round < 3; round++) {
      const regenerated = await toJson<{ cards: StoryCard[] }>(await cardsRegenerate.POST(request(`/api/v1/stories/${story.id}/cards/regenerate`, { method: "POST", headers: person.headers }), context({ storyId: story.id })));
      expect(regenerated.status).toBe(200);
      const live = regenerated.body.cards.filter((card) => !card.deleted);
      expect(live.length).toBeGreaterThanOrEqual(3);
      expect(live.length).toBeLessThanOrEqual(8);
      expect(live.find((card) => card.id === keep.id)).toMatchObject({ title: keep.title, text: keep.text, locked: true });
      const others = live.filter((card) => card.id !== keep.id).map((card) => card.title.toLowerCase());
      expect(others).not.toContain(keep.title.toLowerCase());
      expect(new Set(others).size).toBe(others.length);
    }
  });

  test("Gemini: invalid JSON is repaired once; invalid twice is a clear 502 and nothing is stored", async () => {
    const story = await toldStory();
    const restore = useProvider(createAiProvider({ env: { ...env, GEMINI_API_KEY: "k", GEMINI_BASE_URL: fake.url, GEMINI_MODEL: "model-a", GEMINI_FALLBACK_MODELS: ["model-a"] } }));
    try {
      const valid = {
        title: "Fado in the Kitchen",
        essence: "A life carried between two rivers by songs and summers.",
        timeline: ["Roots", "Porto", "Leaving", "Berlin", "Today"].map((chapter, index) => ({ chapter, era: `Part ${index + 1}`, summary: `${chapter} in their own words.` })),
        key_moments: ["Rosa sings", "The dog next door", "First music class", "Moving to Berlin", "Summers with Ana"].map((moment) => ({ moment, when: "once" })),
        cards: [
          { title: "Rosa Sings Fado", text: "Every Sunday their grandmother Rosa sang fado in the kitchen.", phase: "family_history", theme: "family" },
          { title: "The Dog Next Door", text: "As a child in Porto they were scared of the big dog next door.", phase: "childhood", theme: "courage" },
          { title: "Summers Back Home", text: "Each summer they travel home with their daughter Ana.", phase: "present", theme: "travel" },
        ],
      };
      fake.script("model-a", { text: "{ not json" }, { json: valid });
      const repaired = await synthesize(story.id);
      expect(repaired.status).toBe(200);
      expect(repaired.body.story.title).toBe("Fado in the Kitchen");
      expect(fake.requests).toHaveLength(2);
      expect(JSON.stringify(fake.requests[1]!.body)).toMatch(/JSON/);

      fake.reset();
      fake.script("model-a", { json: { title: "Way too long a title for this story", essence: "x", timeline: [], key_moments: [], cards: [] } }, { text: "still not json" });
      const before = await listCards(story.id);
      const failed = await synthesize(story.id);
      expect(failed).toMatchObject({ status: 502, body: { error: { code: "bad_gateway:ai_output", message: expect.any(String) } } });
      expect(await listCards(story.id)).toEqual(before);
    } finally {
      restore();
    }
  });
});

describe("interviews are their owner's", () => {
  test("another person gets 404 for the story, its phase, cards and chat", async () => {
    const story = await toldStory();
    const stranger = await createTestUser();
    expect((await toJson(await storyById.GET(request(`/api/v1/stories/${story.id}`, { headers: stranger.headers }), context({ storyId: story.id })))).status).toBe(404);
    expect((await movePhase(story.id, { action: "next" }, stranger)).status).toBe(404);
    const chat = await streamAll({ body: { session_id: story.id, mode: "story", message: "Let me in." }, headers: stranger.headers });
    expect(chat.status).toBe(404);
    const list = await toJson<{ stories: { id: string }[] }>(await stories.GET(request("/api/v1/stories", { headers: stranger.headers })));
    expect(list.body.stories.map((each) => each.id)).not.toContain(story.id);
  });

  test("a guest's interview, its conversation and its cards come along when the guest signs in", async () => {
    const guest = await createTestUser({ isGuest: true });
    const story = await newStory({ age_range: "18_30", themes: ["music"] }, guest);
    await streamAll({ body: { session_id: story.id, mode: "story", message: "Ready." }, headers: guest.headers });
    await streamAll({ body: { session_id: story.id, mode: "story", message: "My uncle taught me guitar on the porch in Accra." }, headers: guest.headers });
    const made = await toJson<{ cards: StoryCard[] }>(await synthesis.POST(request(`/api/v1/stories/${story.id}/synthesis`, { method: "POST", headers: guest.headers }), context({ storyId: story.id })));
    expect(made.status).toBe(200);

    const account = await createTestUser();
    await adoptGuestData({ guestUserId: guest.id, userId: account.id });
    const list = await toJson<{ stories: { id: string }[] }>(await stories.GET(request("/api/v1/stories", { headers: account.headers })));
    expect(list.body.stories.map((each) => each.id)).toContain(story.id);
    const history = await getHistory({ sessionId: story.id, mode: "story", headers: account.headers });
    expect(history.body.messages.map((message) => message.content)).toContain("My uncle taught me guitar on the porch in Accra.");
    const kept = await toJson<{ cards: StoryCard[] }>(await cards.GET(request(`/api/v1/stories/${story.id}/cards`, { headers: account.headers }), context({ storyId: story.id })));
    expect(kept.body.cards.map((card) => card.id)).toEqual(made.body.cards.map((card) => card.id));
  });
});

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { GM_TOOLS, applyGmEffect, parseGmToolCall } from "@/lib/game/gm-effects";
import { applyChoice, getScene, sandboxState } from "@/lib/game/rules";
import { gameStateArbitrary } from "@/lib/game/state-arbitrary";
import type { GameState, Hero } from "@/lib/game/types";
import type { ChatTurn } from "../types";
import { splitSentences } from "./phrasing";
import { readMessage, tellStory } from "./storyteller";

const TOOLS = [...GM_TOOLS];
const toolNamed = (name: string) => TOOLS.filter((tool) => tool.name === name);

/** The sandbox party (Bram Fighter, Ilsa Wizard, Nim Rogue, Tova Cleric) at a scene, with HP overrides. */
function at(sceneIndex: number, hp: Record<string, number> = {}): GameState {
  const state = sandboxState(sceneIndex);
  return { ...state, heroes: state.heroes.map((hero) => ({ ...hero, hp: hp[hero.name] ?? hero.hp })) };
}

const said = (text: string, earlier: ChatTurn[] = []): ChatTurn[] => [...earlier, { role: "user", text }];

function tell({ state, message, tools = TOOLS, earlier }: { state: GameState; message: string; tools?: typeof TOOLS; earlier?: ChatTurn[] }) {
  return tellStory({ state, messages: said(message, earlier), tools });
}

// Enough different things a player types, across intents.
const MESSAGES = [
  "Search the altar",
  "look around",
  "talk to the troll",
  "bandage Ilsa",
  "we rest for a bit",
  "Bram punches the wall",
  "touch the glowing crystal",
  "befriend the troll",
  "What is this place?",
  "Where does the road lead?",
  "Nim, check the bridge for traps",
  "Let's go",
  "I juggle three snowballs",
  "insult the warden",
  "pick the lock",
  "read the runes",
  "cast a spell on the door",
  "take the crown",
  "what happened?",
  "Tova prays at the shrine",
  "jump off the ledge",
  "Ilsa studies the map",
  "ask about the goat path",
  "sing a song",
];

describe("readMessage", () => {
  const heroes: Hero[] = sandboxState(1).heroes;

  test.each([
    ["search the altar", "search", ["altar"]],
    ["look around", "look", []],
    ["talk to the troll", "talk", ["troll"]],
    ["touch the glowing crystal", "reckless", ["glowing", "crystal"]],
    ["pick the lock", "open", ["lock"]],
    ["jump off the bridge", "reckless", ["bridge"]],
    ["cast a spell on the bowl", "magic", ["bowl"]],
    ["make friends with the troll", "talk", ["troll"]],
    ["how do we cross the bridge?", "question", ["bridge"]],
    ["Can Nim pick the lock?", "open", ["lock"]],
    ["what happened?", "recap", ["happened"]],
    ["attack the restless goat", "attack", ["restless", "goat"]],
  ])("%s → %s about %j", (message, intent, objectWords) => {
    const reading = readMessage({ message, heroes });
    expect(reading.intent).toBe(intent);
    expect(reading.objectWords).toEqual(objectWords);
  });

  test("a hero named before the verb acts; one named after it is acted on", () => {
    const reading = readMessage({ message: "Tova, bandage Ilsa's arm", heroes });
    expect(reading.intent).toBe("heal");
    expect(reading.namedBefore.map((hero) => hero.name)).toEqual(["Tova"]);
    expect(reading.namedAfter.map((hero) => hero.name)).toEqual(["Ilsa"]);
    expect(reading.objectWords).toEqual(["arm"]);
  });

  test("whole words only: a goat path is not a 'go', a castle not a 'cast', runes not a 'run'", () => {
    expect(readMessage({ message: "the goat path", heroes }).intent).toBe("other");
    expect(readMessage({ message: "admire the castle runes", heroes }).intent).toBe("other");
  });

  test("social acts are read from the words, whatever the verb", () => {
    expect(readMessage({ message: "befriend the troll", heroes }).social).toBe("befriend");
    expect(readMessage({ message: "offer the warden a deal", heroes }).social).toBe("bargain");
    expect(readMessage({ message: "we swear to free the town", heroes }).social).toBe("promise");
    expect(readMessage({ message: "mock the troll's crown", heroes }).social).toBe("insult");
    expect(readMessage({ message: "look around", heroes }).social).toBeNull();
  });
});

describe("tellStory: reads like a game master", () => {
  test("deterministic: the same message, scene, party and turn give the same reply", () => {
    for (const message of MESSAGES) {
      expect(tell({ state: at(4, { Ilsa: 7 }), message })).toEqual(tell({ state: at(4, { Ilsa: 7 }), message }));
    }
  });

  test("varied: different messages give different replies, and so does the same message later on", () => {
    const replies = MESSAGES.slice(0, 20).map((message) => tell({ state: at(4, { Ilsa: 7 }), message }).text);
    expect(new Set(replies).size).toBeGreaterThanOrEqual(15);
    const earlier: ChatTurn[] = [
      { role: "user", text: "hello" },
      { role: "assistant", text: "The rain keeps falling." },
    ];
    const later = MESSAGES.map((message) => tell({ state: at(4, { Ilsa: 7 }), message, earlier }).text);
    expect(later.filter((text, i) => text !== tell({ state: at(4, { Ilsa: 7 }), message: MESSAGES[i]! }).text).length).toBeGreaterThanOrEqual(12);
  });

  test("two to five sentences, second person, with no template left over and no talk of machines", () => {
    for (const sceneIndex of [1, 4, 6, 8, 10]) {
      for (const message of MESSAGES) {
        const { text } = tell({ state: at(sceneIndex, { Ilsa: 5 }), message });
        const sentences = splitSentences(text);
        expect(sentences.length, text).toBeGreaterThanOrEqual(2);
        expect(sentences.length, text).toBeLessThanOrEqual(5);
        expect(text).not.toMatch(/[{}[\]|]/);
        expect(text).not.toMatch(/\b(AI|offline|language model|assistant|chatbot)\b/i);
        expect(text, text).toMatch(/\b(you|your|yours)\b/i);
      }
    }
  });

  test("grounded: names a hero or the place, and reacts to the thing the player named", () => {
    const cases: [number, string, string][] = [
      [5, "Search the altar", "altar"],
      [4, "search the bridge", "bridge"],
      [7, "Nim searches the carts", "carts"],
      [1, "look at the map", "map"],
      [4, "talk to the troll", "troll"],
      [8, "punch the anvil", "anvil"],
      [10, "examine the keyhole", "keyhole"],
      [9, "touch the crystals", "crystals"],
    ];
    for (const [sceneIndex, message, object] of cases) {
      const state = at(sceneIndex);
      const { text } = tell({ state, message });
      expect(text.toLowerCase(), message).toContain(object);
      const names = [...state.heroes.map((hero) => hero.name), getScene(sceneIndex).location];
      expect(names.some((name) => text.includes(name)), text).toBe(true);
    }
  });

  test("the hero a player names acts; otherwise a hero whose class fits the deed", () => {
    expect(tell({ state: at(5), message: "Bram, search the altar" }).text).toMatch(/^(?:[^.]*\. )?Bram /);
    expect(tell({ state: at(5), message: "search the altar" }).text).toContain("Nim");
    expect(tell({ state: at(5, { Ilsa: 4 }), message: "bandage Ilsa" }).text).toContain("Tova");
    expect(tell({ state: at(8), message: "attack the warden" }).text).toContain("Bram");
  });

  test("a fallen hero is never the one acting, even when named", () => {
    const { text } = tell({ state: at(5, { Tova: 0 }), message: "Tova, search the altar" });
    expect(text).toMatch(/Tova (lies still|is out cold) and can do nothing/);
    expect(text).toMatch(/(Nim|Bram|Ilsa) (runs|crouches|leans|goes|searches|hunts)/);
  });

  test("uses the scene's weather and hour for atmosphere", () => {
    const looks = MESSAGES.map((message) => tell({ state: at(4), message }).text).join(" ");
    expect(looks).toMatch(/rain/i);
    const night = MESSAGES.map((message) => tell({ state: at(2), message }).text).join(" ");
    expect(night).toMatch(/snow/i);
    expect(night).toMatch(/night|dark/i);
  });

  test("answers a question from the scene and points at what can be done", () => {
    const { text } = tell({ state: at(4), message: "what is under the bridge?" });
    expect(text).toContain("bridge");
    expect(text).toMatch(/pay the troll in silver|fight the troll for the bridge/);
  });

  test("a fallen party: the tale ends there, with no effects", () => {
    const fallen = { ...at(8), heroes: at(8).heroes.map((hero) => ({ ...hero, hp: 0 })) };
    const reply = tell({ state: fallen, message: "heal Bram" });
    expect(reply.text).toMatch(/Bram, Ilsa, Nim and Tova lie (where they fell|still)/);
    expect(reply.toolCalls).toEqual([]);
  });

  test("a finished tale: the ending is told, with no effects", () => {
    const finished = applyChoice(sandboxState(11), "seal-shard");
    const reply = tell({ state: finished, message: "befriend the shard" });
    expect(reply.text).toContain("The Warden's Rest");
    expect(reply.toolCalls).toEqual([]);
  });
});

describe("tellStory: effects", () => {
  test("tending a hurt hero heals them by 3 to 6 HP (more from a Cleric)", () => {
    const byCleric = tell({ state: at(5, { Ilsa: 5 }), message: "Tova bandages Ilsa" });
    expect(byCleric.toolCalls).toHaveLength(1);
    expect(byCleric.toolCalls[0]).toMatchObject({ name: "adjust_hp", args: { hero: "Ilsa" } });
    expect(byCleric.toolCalls[0]!.args.delta).toBeGreaterThanOrEqual(4);
    expect(byCleric.toolCalls[0]!.args.delta).toBeLessThanOrEqual(6);
    const byFighter = tell({ state: at(5, { Ilsa: 5 }), message: "Bram patches up Ilsa" });
    expect(byFighter.toolCalls[0]!.args.delta).toBeGreaterThanOrEqual(3);
    expect(byFighter.toolCalls[0]!.args.delta).toBeLessThanOrEqual(5);
  });

  test("no healing for the unhurt or the fallen (no revival by chat)", () => {
    expect(tell({ state: at(5), message: "bandage Ilsa" }).toolCalls).toEqual([]);
    const fallen = tell({ state: at(5, { Ilsa: 0 }), message: "bandage Ilsa" });
    expect(fallen.toolCalls).toEqual([]);
    expect(fallen.text).toMatch(/Ilsa lies still/);
  });

  test("resting gives the most hurt standing hero 2 HP", () => {
    const { toolCalls } = tell({ state: at(5, { Bram: 20, Ilsa: 6, Tova: 0 }), message: "we rest by the spring" });
    expect(toolCalls).toEqual([{ name: "adjust_hp", args: { hero: "Ilsa", delta: 2, reason: "a short rest" } }]);
  });

  test("reckless acts and picked fights cost the actor 1 to 3 HP, never their last", () => {
    for (const message of ["Bram punches the wall", "Bram jumps off the bridge", "Bram touches the glowing crystal", "Bram attacks the troll"]) {
      const { toolCalls } = tell({ state: at(4), message });
      expect(toolCalls, message).toHaveLength(1);
      expect(toolCalls[0], message).toMatchObject({ name: "adjust_hp", args: { hero: "Bram" } });
      expect([-1, -2, -3]).toContain(toolCalls[0]!.args.delta);
    }
    expect(tell({ state: at(4, { Bram: 1 }), message: "Bram punches the wall" }).toolCalls).toEqual([]);
  });

  test("searching where a clue can open a locked choice gives that clue, and the prose says what was found", () => {
    // At the bridge the sandbox party has no Bard and did not ask the miners: both choices are locked.
    const { text, toolCalls } = tell({ state: at(4), message: "search the bridge" });
    expect(toolCalls).toHaveLength(1);
    expect(toolCalls[0]!.name).toBe("give_clue");
    expect(toolCalls[0]!.args).toMatchObject({ scene: "scene4" });
    expect(["sing-toll", "goat-path"]).toContain(toolCalls[0]!.args.choice);
    expect(text).toMatch(/toll-song|goat tracks/);
    // The same search once both are clued finds nothing more.
    const clued = { ...at(4), clues: ["scene4:sing-toll", "scene4:goat-path"] };
    expect(tell({ state: clued, message: "search the bridge" }).toolCalls).toEqual([]);
    // Where nothing is locked by class or an earlier choice, a search is just a search.
    expect(tell({ state: at(8), message: "search the forges" }).toolCalls).toEqual([]);
  });

  test("noteworthy social acts set a story flag named for the act and who it was done to", () => {
    expect(tell({ state: at(4), message: "befriend the troll" }).toolCalls).toEqual([
      { name: "set_flag", args: { flag: "befriended-troll", reason: expect.stringContaining("troll") } },
    ]);
    expect(tell({ state: at(8), message: "Bram insults the warden" }).toolCalls[0]!.args.flag).toBe("insulted-ember-warden");
    expect(tell({ state: at(1), message: "haggle with the cartographer" }).toolCalls[0]!.args.flag).toBe("bargained-with-cartographer");
    const remembered = { ...at(4), flags: ["befriended-troll"] };
    expect(tell({ state: remembered, message: "befriend the troll" }).toolCalls).toEqual([]);
  });

  test("emits only the tools offered, and none when none are", () => {
    const state = at(4, { Ilsa: 5 });
    expect(tell({ state, message: "bandage Ilsa", tools: toolNamed("set_flag") }).toolCalls).toEqual([]);
    expect(tell({ state, message: "befriend the troll", tools: toolNamed("set_flag") }).toolCalls).toHaveLength(1);
    expect(tellStory({ state, messages: said("bandage Ilsa") }).toolCalls).toEqual([]);
    // The narration does not depend on which tools were offered.
    expect(tell({ state, message: "bandage Ilsa", tools: [] }).text).toBe(tell({ state, message: "bandage Ilsa" }).text);
  });
});

describe("property: the storyteller's effects always pass the game's rules", () => {
  const messageArbitrary = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...MESSAGES) },
    { weight: 2, arbitrary: fc.constantFrom("heal", "bandage", "rest", "search the", "punch the", "befriend the", "insult the", "Bram jumps on", "tend to").chain((verb) => fc.constantFrom("Bram", "Ilsa", "Nim", "Tova", "Wren", "troll", "warden", "altar", "wall").map((noun) => `${verb} ${noun}`)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );

  test("every emitted call parses and applies to the state it was decided on", () => {
    let applied = 0;
    fc.assert(
      fc.property(gameStateArbitrary, messageArbitrary, (state, message) => {
        const { toolCalls } = tellStory({ state, messages: said(message), tools: TOOLS });
        expect(toolCalls.length).toBeLessThanOrEqual(1);
        for (const call of toolCalls) {
          expect(applyGmEffect(state, parseGmToolCall(call.name, call.args))).not.toEqual(state);
          applied += 1;
        }
      }),
      { numRuns: 500 },
    );
    // Guards against a property that holds only because no effect was ever decided.
    expect(applied).toBeGreaterThan(50);
  });

  test("a fallen hero appears only lying still, never acting", () => {
    // Distinct, unmistakable names, so a name is never also a word of the narration.
    const NAMES = ["Bram", "Ilsa", "Nim", "Tova", "Kael", "Mira"];
    fc.assert(
      fc.property(gameStateArbitrary, messageArbitrary, (generated, message) => {
        const state = { ...generated, heroes: generated.heroes.map((hero, i) => ({ ...hero, name: NAMES[i]! })) };
        const { text } = tellStory({ state, messages: said(message), tools: TOOLS });
        const fallen = state.heroes.filter((hero) => hero.hp <= 0);
        for (const sentence of splitSentences(text)) {
          for (const hero of fallen) {
            if (!new RegExp(`\\b${hero.name}\\b`).test(sentence)) continue;
            expect(sentence, text).toMatch(/lies still|lie still|is out cold|lie where they fell|can do nothing|beyond what/);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

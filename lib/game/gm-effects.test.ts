import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { z } from "@/lib/zod";
import {
  GM_HP_DELTA_LIMIT,
  GM_TOOLS,
  GmEffectError,
  applyGmEffect,
  clueableChoices,
  describeGmEffect,
  parseGmToolCall,
  type GmEffect,
  type GmEffectErrorCode,
} from "./gm-effects";
import { applyChoice, blockedReason, getScene, newGame, sandboxState } from "./rules";
import { flagArbitrary, gameStateArbitrary } from "./state-arbitrary";
import { gameStateSchema } from "./state-schema";
import type { GameState, HeroClass } from "./types";

function party(...heroes: [name: string, heroClass: HeroClass, hp?: number][]): GameState {
  const state = newGame({ partyName: "Test Party", heroes: heroes.map(([name, heroClass]) => ({ name, class: heroClass })) });
  return { ...state, heroes: state.heroes.map((hero, i) => ({ ...hero, hp: heroes[i]![2] ?? hero.hp })) };
}

const FOUR = party(["Bram", "Fighter", 20], ["Ilsa", "Wizard", 9], ["Nim", "Rogue", 22], ["Tova", "Cleric", 0]);

function errorCode(run: () => unknown): GmEffectErrorCode | "no error" {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GmEffectError);
    return (error as GmEffectError).code;
  }
  return "no error";
}

const hp = (hero: string, delta: number): GmEffect => ({ kind: "hp", hero, delta, reason: "test" });
const flag = (name: string): GmEffect => ({ kind: "flag", flag: name, reason: "" });
const clue = (scene: `scene${number}`, choice: string) => ({ kind: "clue", scene, choice, reason: "" }) as GmEffect;

describe("GM_TOOLS", () => {
  test("offers the three tools, each with a JSON schema a model provider can send", () => {
    expect(GM_TOOLS.map((tool) => tool.name)).toEqual(["adjust_hp", "set_flag", "give_clue"]);
    for (const tool of GM_TOOLS) {
      expect(z.toJSONSchema(tool.parameters)).toMatchObject({ type: "object", additionalProperties: false });
    }
    expect(z.toJSONSchema(GM_TOOLS[0].parameters)).toMatchObject({
      properties: { delta: { type: "integer", minimum: -GM_HP_DELTA_LIMIT, maximum: GM_HP_DELTA_LIMIT } },
      required: ["hero", "delta", "reason"],
    });
  });
});

describe("parseGmToolCall", () => {
  test("reads each tool's arguments into an effect", () => {
    expect(parseGmToolCall("adjust_hp", { hero: " Ilsa ", delta: 4, reason: "bandaged" })).toEqual({ kind: "hp", hero: "Ilsa", delta: 4, reason: "bandaged" });
    expect(parseGmToolCall("set_flag", { flag: "befriended-troll" })).toEqual({ kind: "flag", flag: "befriended-troll", reason: "" });
    expect(parseGmToolCall("give_clue", { scene: "scene4", choice: "goat-path", reason: "goat tracks" })).toEqual({
      kind: "clue",
      scene: "scene4",
      choice: "goat-path",
      reason: "goat tracks",
    });
  });

  test.each([
    ["a delta of 0", "adjust_hp", { hero: "Ilsa", delta: 0, reason: "r" }],
    ["a delta above the limit", "adjust_hp", { hero: "Ilsa", delta: GM_HP_DELTA_LIMIT + 1, reason: "r" }],
    ["a delta below the limit", "adjust_hp", { hero: "Ilsa", delta: -GM_HP_DELTA_LIMIT - 1, reason: "r" }],
    ["a fractional delta", "adjust_hp", { hero: "Ilsa", delta: 2.5, reason: "r" }],
    ["a delta as text", "adjust_hp", { hero: "Ilsa", delta: "4", reason: "r" }],
    ["no reason for an HP change", "adjust_hp", { hero: "Ilsa", delta: 2 }],
    ["a blank hero", "adjust_hp", { hero: "  ", delta: 2, reason: "r" }],
    ["an unexpected argument", "adjust_hp", { hero: "Ilsa", delta: 2, reason: "r", target: "party" }],
    ["a flag with spaces and capitals", "set_flag", { flag: "Befriended Troll" }],
    ["a flag longer than 32 characters", "set_flag", { flag: "a".repeat(33) }],
    ["an unknown scene", "give_clue", { scene: "scene12", choice: "goat-path" }],
    ["a malformed choice id", "give_clue", { scene: "scene4", choice: "Goat Path" }],
    ["arguments that are not an object", "set_flag", "befriended-troll"],
    ["no arguments", "give_clue", undefined],
  ])("refuses %s", (_, name, args) => {
    expect(errorCode(() => parseGmToolCall(name, args))).toBe("invalid_args");
  });

  test("refuses a tool it does not know", () => {
    expect(errorCode(() => parseGmToolCall("revive_hero", { hero: "Tova" }))).toBe("unknown_tool");
  });
});

describe("applyGmEffect: the game must be in play", () => {
  test("refuses every effect once the party has fallen", () => {
    const fallen = party(["Bram", "Fighter", 0], ["Ilsa", "Wizard", 0]);
    expect(errorCode(() => applyGmEffect(fallen, flag("too-late")))).toBe("game_over");
  });

  test("refuses every effect once the tale is told", () => {
    const finished = { ...sandboxState(11), choices: { ...sandboxState(11).choices, scene11: "seal-shard" } };
    expect(errorCode(() => applyGmEffect(finished, hp("Bram", 2)))).toBe("game_over");
  });
});

describe("applyGmEffect: hp", () => {
  test("heals a hurt, standing hero, naming them in any case", () => {
    const after = applyGmEffect(FOUR, hp("ilsa", 4));
    expect(after.heroes.map((hero) => hero.hp)).toEqual([20, 13, 22, 0]);
    expect(FOUR.heroes[1]!.hp).toBe(9); // the input is not mutated
  });

  test("stops at the class maximum", () => {
    expect(applyGmEffect(FOUR, hp("Bram", 10)).heroes[0]!.hp).toBe(30);
  });

  test("never downs a hero: damage stops at 1 HP", () => {
    const bruised = party(["Bram", "Fighter", 3]);
    expect(applyGmEffect(bruised, hp("Bram", -10)).heroes[0]!.hp).toBe(1);
  });

  test("does not lower an HP an older save holds above the class maximum", () => {
    const boosted = party(["Bram", "Fighter", 40]);
    expect(errorCode(() => applyGmEffect(boosted, hp("Bram", 3)))).toBe("no_change");
    expect(applyGmEffect(boosted, hp("Bram", -3)).heroes[0]!.hp).toBe(37);
  });

  const ilsaAtOne = party(["Ilsa", "Wizard", 1]);
  test.each([
    ["a hero at full HP", FOUR, hp("Nim", 3), "no_change"],
    ["damage to a hero at 1 HP", ilsaAtOne, hp("Ilsa", -1), "no_change"],
    ["a fallen hero (no revival by chat)", FOUR, hp("Tova", 5), "hero_down"],
    ["a hero who is not in the party", FOUR, hp("Gorm", 2), "unknown_hero"],
    ["a delta of 0", FOUR, hp("Ilsa", 0), "invalid_args"],
    ["a delta beyond the limit", FOUR, hp("Ilsa", 11), "invalid_args"],
    ["a fractional delta", FOUR, hp("Ilsa", 1.5), "invalid_args"],
  ] as const)("refuses %s", (_, state, effect, code) => {
    expect(errorCode(() => applyGmEffect(state, effect))).toBe(code);
  });

  test("refuses a name two heroes share except for case", () => {
    const twins = party(["Bram", "Fighter", 10], ["BRAM", "Rogue", 10]);
    expect(applyGmEffect(twins, hp("BRAM", 2)).heroes[1]!.hp).toBe(12);
    expect(errorCode(() => applyGmEffect(twins, hp("bram", 2)))).toBe("unknown_hero");
  });
});

describe("applyGmEffect: flag", () => {
  test("remembers a new flag, keeping older saves without flags working", () => {
    expect(FOUR.flags).toBeUndefined();
    const after = applyGmEffect(FOUR, flag("befriended-troll"));
    expect(after.flags).toEqual(["befriended-troll"]);
    expect(applyGmEffect(after, flag("insulted-warden")).flags).toEqual(["befriended-troll", "insulted-warden"]);
  });

  test("refuses a duplicate, a malformed flag and a 17th flag", () => {
    const withFlag = applyGmEffect(FOUR, flag("befriended-troll"));
    expect(errorCode(() => applyGmEffect(withFlag, flag("befriended-troll")))).toBe("duplicate_flag");
    expect(errorCode(() => applyGmEffect(FOUR, flag("Not A Flag")))).toBe("invalid_args");
    const full = { ...FOUR, flags: Array.from({ length: 16 }, (_, i) => `flag-${i}`) };
    expect(errorCode(() => applyGmEffect(full, flag("one-more")))).toBe("flag_limit");
  });
});

describe("applyGmEffect: clue", () => {
  // In scene 4 with no "ask-locals" in scene 1, the goat path is locked behind that earlier choice.
  const atBridge = sandboxState(4);

  test("unlocks a choice locked behind an earlier choice, and the rules then offer it", () => {
    const goatPath = getScene(4).choices.find((choice) => choice.id === "goat-path")!;
    expect(blockedReason(atBridge, goatPath)).toMatch(/earlier choice/);
    const after = applyGmEffect(atBridge, clue("scene4", "goat-path"));
    expect(after.clues).toEqual(["scene4:goat-path"]);
    expect(blockedReason(after, goatPath)).toBeNull();
    expect(applyChoice(after, "goat-path").scene_index).toBe(6);
  });

  test("unlocks a choice of a later scene locked behind a missing class", () => {
    // The sandbox party has no Bard: the troll's song in scene 4 and the crystals' harmony in scene 9 are locked.
    const atGate = sandboxState(2);
    expect(clueableChoices(atGate).map(({ scene, choice }) => `${scene}:${choice.id}`)).toEqual([
      "scene3:track-wolves",
      "scene4:sing-toll",
      "scene4:goat-path",
      "scene9:bard-harmony",
    ]);
    expect(applyGmEffect(atGate, clue("scene9", "bard-harmony")).clues).toEqual(["scene9:bard-harmony"]);
  });

  test("a clue lifts a class requirement even when that hero has fallen", () => {
    const rogueDown = { ...sandboxState(7), heroes: sandboxState(7).heroes.map((hero) => (hero.class === "Rogue" ? { ...hero, hp: 0 } : hero)) };
    const ledge = getScene(7).choices.find((choice) => choice.id === "rogue-ledge")!;
    expect(blockedReason(rogueDown, ledge)).toBe("Needs a Rogue");
    expect(blockedReason(applyGmEffect(rogueDown, clue("scene7", "rogue-ledge")), ledge)).toBeNull();
  });

  test.each([
    ["a choice locked only by a sigil (the sigil decides the endings)", sandboxState(6), clue("scene6", "sigil-march"), "not_locked"],
    ["a choice with no requirement", atBridge, clue("scene4", "pay-troll"), "not_locked"],
    ["a class choice the party can already take", sandboxState(2), clue("scene2", "pick-lock"), "not_locked"],
    ["a choice in a scene behind the party", sandboxState(5), clue("scene4", "goat-path"), "unknown_choice"],
    ["a choice the scene does not have", atBridge, clue("scene4", "swim-across"), "unknown_choice"],
    ["a scene key that does not exist", atBridge, clue("scene12", "goat-path"), "invalid_args"],
  ] as const)("refuses %s", (_, state, effect, code) => {
    expect(errorCode(() => applyGmEffect(state, effect))).toBe(code);
  });

  test("refuses a clue the party already has, and a 17th clue", () => {
    const after = applyGmEffect(atBridge, clue("scene4", "goat-path"));
    expect(errorCode(() => applyGmEffect(after, clue("scene4", "goat-path")))).toBe("already_unlocked");
    const full = { ...atBridge, clues: Array.from({ length: 16 }, (_, i) => `scene11:old-${i}`) };
    expect(errorCode(() => applyGmEffect(full, clue("scene4", "goat-path")))).toBe("clue_limit");
  });

  test("a clue never lifts a sigil requirement", () => {
    const state = { ...sandboxState(11), symbol_choice: "order" as const, clues: ["scene11:share-light"] };
    const shareLight = getScene(11).choices.find((choice) => choice.id === "share-light")!;
    expect(blockedReason(state, shareLight)).toBe("Needs the balance sigil");
  });
});

describe("describeGmEffect", () => {
  test("says what an applied effect did, in a few words", () => {
    const healed = applyGmEffect(FOUR, hp("ilsa", 4));
    expect(describeGmEffect(hp("ilsa", 4), FOUR, healed)).toBe("Ilsa +4 HP");
    const bruised = applyGmEffect(FOUR, hp("Bram", -3));
    expect(describeGmEffect(hp("Bram", -3), FOUR, bruised)).toBe("Bram −3 HP");
    // The line reports the change made, not the one asked for.
    const capped = applyGmEffect(FOUR, hp("Bram", 10));
    expect(describeGmEffect(hp("Bram", 10), FOUR, capped)).toBe("Bram +10 HP");
    const nearlyFull = party(["Nim", "Rogue", 20]);
    expect(describeGmEffect(hp("Nim", 5), nearlyFull, applyGmEffect(nearlyFull, hp("Nim", 5)))).toBe("Nim +2 HP");
    expect(describeGmEffect(flag("befriended-troll"), FOUR, applyGmEffect(FOUR, flag("befriended-troll")))).toBe("Story: befriended-troll");
    const atBridge = sandboxState(4);
    const goat = clue("scene4", "goat-path");
    expect(describeGmEffect(goat, atBridge, applyGmEffect(atBridge, goat))).toBe(`Clue: "Take the miner's goat path" (The Troll's Toll) is open to you`);
  });
});

describe("property: no tool call can break the game", () => {
  // Built once: constructing arbitraries (stringMatching above all) is much slower than drawing from them.
  const oddName = fc.oneof(fc.constantFrom("bram", "ILSA", "Nobody", ""), fc.string({ maxLength: 12 }));
  const delta = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -13, max: 13 }) }, { weight: 1, arbitrary: fc.double() });
  const reason = fc.oneof({ weight: 6, arbitrary: fc.constantFrom("bandaged", "fell off the ledge") }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });
  const anyScene = fc.constantFrom("scene1", "scene4", "scene6", "scene7", "scene9", "scene10", "scene11", "scene12");
  const anyChoice = fc.constantFrom("goat-path", "sing-toll", "rogue-ledge", "bard-harmony", "read-runes", "sigil-march", "share-light", "pay-troll", "nope");
  const garbageCall = fc.record({ name: fc.oneof(fc.constantFrom("adjust_hp", "set_flag", "give_clue"), fc.string({ maxLength: 12 })), args: fc.anything() });

  // Mostly well-formed calls about this party (so many are applied), some malformed or foreign.
  const toolCallArbitrary = (state: GameState): fc.Arbitrary<{ name: string; args: unknown }> => {
    const heroName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...state.heroes.map((hero) => hero.name)) }, { weight: 1, arbitrary: oddName });
    const clueable = clueableChoices(state).map(({ scene, choice }) => ({ scene, choice: choice.id }));
    const flags = state.flags?.length ? [fc.constantFrom(...state.flags)] : [];
    return fc.oneof(
      { weight: 4, arbitrary: fc.record({ name: fc.constant("adjust_hp"), args: fc.record({ hero: heroName, delta, reason }) }) },
      { weight: 2, arbitrary: fc.record({ name: fc.constant("set_flag"), args: fc.record({ flag: fc.oneof(flagArbitrary, ...flags) }) }) },
      {
        weight: 2,
        arbitrary: fc.record({
          name: fc.constant("give_clue"),
          args: clueable.length ? fc.oneof(fc.constantFrom(...clueable), fc.record({ scene: anyScene, choice: anyChoice })) : fc.record({ scene: anyScene, choice: anyChoice }),
        }),
      },
      { weight: 1, arbitrary: garbageCall },
    );
  };

  test("generated states are valid saves", () => {
    fc.assert(fc.property(gameStateArbitrary, (state) => gameStateSchema.safeParse(state).success));
  });

  test("a call either is refused with a GmEffectError or yields a valid save with at most one small, non-lethal HP change", () => {
    let applied = 0;
    fc.assert(
      fc.property(
        gameStateArbitrary.chain((state) => fc.tuple(fc.constant(state), toolCallArbitrary(state))),
        ([state, call]) => {
          let after: GameState;
          try {
            after = applyGmEffect(state, parseGmToolCall(call.name, call.args));
          } catch (error) {
            expect(error).toBeInstanceOf(GmEffectError);
            return;
          }
          applied += 1;
          expect(gameStateSchema.safeParse(after).success).toBe(true);
          const changed = after.heroes.flatMap((hero, i) => (hero.hp === state.heroes[i]!.hp ? [] : [{ before: state.heroes[i]!.hp, after: hero.hp }]));
          expect(changed.length).toBeLessThanOrEqual(1);
          for (const change of changed) {
            expect(Math.abs(change.after - change.before)).toBeLessThanOrEqual(GM_HP_DELTA_LIMIT);
            expect(change.before).toBeGreaterThan(0);
            expect(change.after).toBeGreaterThan(0);
          }
          expect(after.heroes.map((hero) => [hero.name, hero.class])).toEqual(state.heroes.map((hero) => [hero.name, hero.class]));
          expect({ ...after, heroes: null, flags: null, clues: null }).toEqual({ ...state, heroes: null, flags: null, clues: null });
        },
      ),
      { numRuns: 1000 },
    );
    // Guards against a generator that only ever produces refusals (the property would then prove nothing).
    expect(applied).toBeGreaterThan(200);
  });
});

import { describe, expect, test } from "vitest";
import {
  RuleError,
  SANDBOX_PARTY,
  applyChoice,
  applyHpEffects,
  blockedReason,
  chooseSymbol,
  currentPrompt,
  getEnding,
  getScene,
  isDefeated,
  isFinished,
  lastOutcome,
  newGame,
  sandboxState,
  sceneKey,
} from "@/lib/game/rules";
import { ENDING_IDS, SAFE_PATH, SCENES, type EndingId } from "@/lib/game/scenes";
import { SCENE_KEYS, SYMBOLS, type GameState, type Hero, type HeroClass, type SymbolChoice } from "@/lib/game/types";

const PARTY = {
  partyName: "Test Party",
  heroes: [
    { name: "Ada", class: "Fighter" },
    { name: "Bex", class: "Wizard" },
    { name: "Cal", class: "Rogue" },
    { name: "Dot", class: "Cleric" },
  ] satisfies { name: string; class: HeroClass }[],
};

const SAFE_STEPS = [
  "take-map", "pick-lock", "keep-trail", "pay-troll", "cleric-prayer",
  "balance", "scales-path", "rogue-ledge", "parley", "cleric-blessing", "read-runes", "seal-shard",
];
const RECKLESS_STEPS = [
  "bar-brawl", "climb-wall", "hunt-wolves", "fight-troll", "rob-offerings", "chaos", "blast-rubble", "fight",
];

/** Plays steps as a player would click them: a symbol when the scene asks for one, otherwise a choice id. */
function play(state: GameState, steps: readonly string[]): GameState {
  return steps.reduce(
    (current, step) =>
      currentPrompt(current).kind === "symbol" ? chooseSymbol(current, step) : applyChoice(current, step),
    state,
  );
}

function partyOf(...classes: HeroClass[]): GameState {
  return newGame({ partyName: "P", heroes: classes.map((heroClass, i) => ({ name: `H${i}`, class: heroClass })) });
}

function hero(heroClass: HeroClass, hp: number, name: string = heroClass): Hero {
  return { name, class: heroClass, hp };
}

function ruleErrorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError);
    return (error as RuleError).code;
  }
  return undefined;
}

describe("newGame", () => {
  test("starts in scene 1 at full HP with nothing chosen", () => {
    expect(newGame(PARTY)).toEqual({
      scene_index: 1,
      party_name: "Test Party",
      heroes: [hero("Fighter", 30, "Ada"), hero("Wizard", 18, "Bex"), hero("Rogue", 22, "Cal"), hero("Cleric", 24, "Dot")],
      symbol_choice: null,
      choices: {},
    });
  });
});

describe("getScene / sceneKey", () => {
  test("look scenes up by index", () => {
    expect(getScene(1).location).toBe("Emberpeak Tavern");
    expect(getScene(11).key).toBe("scene11");
    expect(sceneKey(8)).toBe("scene8");
  });

  test.each([0, 12, -1, 1.5, Number.NaN])("throw invalid_scene for %s", (index) => {
    expect(ruleErrorCode(() => getScene(index))).toBe("invalid_scene");
    expect(ruleErrorCode(() => sceneKey(index))).toBe("invalid_scene");
  });
});

describe("applyHpEffects", () => {
  test("damage stops at 0 and healing stops at the class max", () => {
    const heroes = [hero("Fighter", 3), hero("Wizard", 15)];
    expect(applyHpEffects(heroes, [{ target: "party", delta: -5 }]).map((h) => h.hp)).toEqual([0, 10]);
    expect(applyHpEffects(heroes, [{ target: "party", delta: 10 }]).map((h) => h.hp)).toEqual([13, 18]);
  });

  test("an HP above the class max (e.g. a hand-edited save) is brought back to the max", () => {
    expect(applyHpEffects([hero("Bard", 25)], [{ target: "party", delta: 1 }])[0]!.hp).toBe(20);
  });

  test('"party" hits every standing hero and never revives the fallen', () => {
    const heroes = [hero("Fighter", 0), hero("Wizard", 10), hero("Rogue", 5)];
    expect(applyHpEffects(heroes, [{ target: "party", delta: 4 }]).map((h) => h.hp)).toEqual([0, 14, 9]);
  });

  test('"leader" hits the first standing hero only', () => {
    const heroes = [hero("Fighter", 0), hero("Wizard", 10), hero("Rogue", 5)];
    expect(applyHpEffects(heroes, [{ target: "leader", delta: -3 }]).map((h) => h.hp)).toEqual([0, 7, 5]);
  });

  test("a class target hits every standing hero of that class", () => {
    const heroes = [hero("Fighter", 30), hero("Rogue", 10, "R1"), hero("Rogue", 0, "R2"), hero("Rogue", 22, "R3")];
    expect(applyHpEffects(heroes, [{ target: "Rogue", delta: -3 }]).map((h) => h.hp)).toEqual([30, 7, 0, 19]);
  });

  test("a class target falls back to the leader when no hero of that class stands", () => {
    const heroes = [hero("Wizard", 0), hero("Fighter", 30), hero("Bard", 20)];
    expect(applyHpEffects(heroes, [{ target: "Wizard", delta: -3 }]).map((h) => h.hp)).toEqual([0, 27, 20]);
    expect(applyHpEffects(heroes, [{ target: "Ranger", delta: -3 }]).map((h) => h.hp)).toEqual([0, 27, 20]);
  });

  test("effects apply in order: a later leader effect hits the next hero once the first falls", () => {
    const heroes = [hero("Wizard", 2), hero("Fighter", 30)];
    const after = applyHpEffects(heroes, [
      { target: "party", delta: -2 },
      { target: "leader", delta: -5 },
    ]);
    expect(after.map((h) => h.hp)).toEqual([0, 23]);
  });

  test("does not mutate its input", () => {
    const heroes = [hero("Fighter", 10)];
    applyHpEffects(heroes, [{ target: "party", delta: -5 }]);
    expect(heroes[0]!.hp).toBe(10);
  });
});

describe("requirements", () => {
  const pickLock = getScene(2).choices.find((choice) => choice.id === "pick-lock")!;

  test("a class requirement needs a standing hero of that class", () => {
    const withRogue = { ...partyOf("Fighter", "Rogue"), scene_index: 2 };
    expect(blockedReason(withRogue, pickLock)).toBeNull();
    expect(blockedReason({ ...partyOf("Fighter", "Wizard"), scene_index: 2 }, pickLock)).toBe("Needs a Rogue");
    const fallenRogue = { ...withRogue, heroes: [hero("Fighter", 30), hero("Rogue", 0)] };
    expect(blockedReason(fallenRogue, pickLock)).toBe("Needs a Rogue");
    expect(ruleErrorCode(() => applyChoice(fallenRogue, "pick-lock"))).toBe("not_available");
    expect(applyChoice(withRogue, "pick-lock").choices.scene2).toBe("pick-lock");
  });

  test("a symbol requirement needs that sigil", () => {
    const atMine = chooseSymbol(sandboxState(6), "order");
    const prompt = currentPrompt(atMine);
    expect(prompt.kind).toBe("choices");
    if (prompt.kind !== "choices") return;
    expect(prompt.choices.map((choice) => [choice.id, choice.blockedReason])).toEqual([
      ["descend-ladders", null],
      ["sigil-march", null],
      ["blast-rubble", "Needs the chaos sigil"],
      ["scales-path", "Needs the balance sigil"],
    ]);
    expect(ruleErrorCode(() => applyChoice(atMine, "blast-rubble"))).toBe("not_available");
    expect(applyChoice(atMine, "sigil-march").scene_index).toBe(7);
  });

  test("an earlier-choice requirement needs that choice in the log", () => {
    const atBridge = play(partyOf("Fighter", "Cleric"), ["take-map", "bribe-warden", "keep-trail"]);
    const goatPath = getScene(4).choices.find((choice) => choice.id === "goat-path")!;
    expect(blockedReason(atBridge, goatPath)).toBe('Needs an earlier choice: "Buy a round and ask the miners"');
    expect(ruleErrorCode(() => applyChoice(atBridge, "goat-path"))).toBe("not_available");
  });
});

describe("applyChoice", () => {
  test("records the choice, applies HP and moves to the next scene without touching the input", () => {
    const start = newGame(PARTY);
    const after = applyChoice(start, "bar-brawl");
    expect(after.scene_index).toBe(2);
    expect(after.choices).toEqual({ scene1: "bar-brawl" });
    expect(after.heroes.map((h) => h.hp)).toEqual([27, 15, 19, 21]);
    expect(start).toEqual(newGame(PARTY));
  });

  test("a `next` jump logs the skipped scene as null", () => {
    const atMine = play(partyOf("Fighter", "Wizard", "Rogue"), ["ask-locals", "pick-lock", "keep-trail", "goat-path"]);
    expect(atMine.scene_index).toBe(6);
    expect(atMine.choices).toEqual({
      scene1: "ask-locals",
      scene2: "pick-lock",
      scene3: "keep-trail",
      scene4: "goat-path",
      scene5: null,
    });
    expect(atMine.heroes.map((h) => h.hp)).toEqual([26, 16, 20]);
  });

  test("the chaos blast skips the flooded gallery", () => {
    const afterBlast = play(sandboxState(6), ["chaos", "blast-rubble"]);
    expect(afterBlast.scene_index).toBe(8);
    expect(afterBlast.choices.scene6).toBe("blast-rubble");
    expect(afterBlast.choices.scene7).toBeNull();
  });

  test("class-targeted damage hits only that class", () => {
    const atGate = play(sandboxState(10), ["pick-gate-lock"]);
    expect(atGate.heroes.map((h) => h.hp)).toEqual([30, 18, 19, 24]);
  });

  test("rejects unknown choices, and choices from another scene", () => {
    expect(ruleErrorCode(() => applyChoice(newGame(PARTY), "nope"))).toBe("invalid_choice");
    expect(ruleErrorCode(() => applyChoice(newGame(PARTY), "fight"))).toBe("invalid_choice");
  });

  test("rejects any move once the tale is finished", () => {
    const finished = play(newGame(PARTY), SAFE_STEPS);
    expect(ruleErrorCode(() => applyChoice(finished, "seal-shard"))).toBe("game_over");
    expect(ruleErrorCode(() => chooseSymbol(finished, "order"))).toBe("game_over");
  });

  test("rejects any move once the party is defeated", () => {
    const fallen = { ...newGame(PARTY), heroes: PARTY.heroes.map((h) => ({ ...h, hp: 0 })) };
    expect(isDefeated(fallen)).toBe(true);
    expect(ruleErrorCode(() => applyChoice(fallen, "take-map"))).toBe("game_over");
  });
});

describe("the symbol scene", () => {
  test("asks for a sigil first, then offers the scene's choices in the same scene", () => {
    const atMine = sandboxState(6);
    const prompt = currentPrompt(atMine);
    expect(prompt.kind).toBe("symbol");
    if (prompt.kind !== "symbol") return;
    expect(prompt.options.map((option) => option.symbol)).toEqual([...SYMBOLS]);
    expect(ruleErrorCode(() => applyChoice(atMine, "descend-ladders"))).toBe("not_available");

    const marked = chooseSymbol(atMine, "balance");
    expect(marked.symbol_choice).toBe("balance");
    expect(marked.scene_index).toBe(6);
    expect(marked.choices.scene6).toBeUndefined();
    expect(currentPrompt(marked).kind).toBe("choices");
    expect(lastOutcome(marked)).toBe(getScene(6).symbolPrompt!.options[2]!.outcome);
  });

  test("the sigil is chosen once, only in scene 6, and only from the three symbols", () => {
    expect(ruleErrorCode(() => chooseSymbol(chooseSymbol(sandboxState(6), "order"), "chaos"))).toBe("not_available");
    expect(ruleErrorCode(() => chooseSymbol(sandboxState(5), "order"))).toBe("not_available");
    expect(ruleErrorCode(() => chooseSymbol(sandboxState(6), "neutral"))).toBe("invalid_choice");
  });
});

describe("endings", () => {
  /** The sandbox party at the last scene, with the sigil and the Warden's fate swapped in. */
  function finish(symbol: SymbolChoice, scene8: string, finalChoice: string): GameState {
    const atPeak = sandboxState(11);
    return applyChoice({ ...atPeak, symbol_choice: symbol, choices: { ...atPeak.choices, scene8 } }, finalChoice);
  }

  const cases: [SymbolChoice, string, string, EndingId][] = [
    ["balance", "parley", "seal-shard", "warden-rest"],
    ["order", "parley", "seal-shard", "warden-rest"],
    ["balance", "fight", "seal-shard", "stone-seal"],
    ["chaos", "flee", "seal-shard", "stone-seal"],
    ["balance", "fight", "share-light", "twin-flame"],
    ["order", "fight", "claim-shard", "new-warden"],
    ["chaos", "parley", "claim-shard", "crown-of-cinders"],
    ["balance", "parley", "claim-shard", "crown-of-cinders"],
  ];

  test.each(cases)("%s + %s + %s -> %s", (symbol, scene8, finalChoice, endingId) => {
    const finished = finish(symbol, scene8, finalChoice);
    expect(isFinished(finished)).toBe(true);
    expect(finished.scene_index).toBe(11);
    expect(getEnding(finished)?.id).toBe(endingId);
    expect(currentPrompt(finished)).toEqual({ kind: "finished", ending: getEnding(finished) });
  });

  test("every ending is reachable", () => {
    expect(new Set(cases.map((c) => c[3]))).toEqual(new Set(ENDING_IDS));
  });

  test("splitting the light is only for the balance sigil", () => {
    const atPeak = { ...sandboxState(11), symbol_choice: "order" as const };
    expect(ruleErrorCode(() => applyChoice(atPeak, "share-light"))).toBe("not_available");
  });

  test("no ending before the final choice", () => {
    expect(isFinished(sandboxState(11))).toBe(false);
    expect(getEnding(sandboxState(11))).toBeNull();
  });
});

describe("whole runs", () => {
  test("the safe path (as documented and as SAFE_PATH) finishes with the whole party standing", () => {
    expect(SAFE_STEPS).toEqual([
      ...SCENE_KEYS.slice(0, 5).map((key) => SAFE_PATH.choices[key]),
      SAFE_PATH.symbol,
      ...SCENE_KEYS.slice(5).map((key) => SAFE_PATH.choices[key]),
    ]);
    const end = play(newGame(PARTY), SAFE_STEPS);
    expect(isFinished(end)).toBe(true);
    expect(isDefeated(end)).toBe(false);
    expect(end.heroes.map((h) => h.hp)).toEqual([30, 18, 22, 24]);
    expect(getEnding(end)?.id).toBe("warden-rest");
    expect(lastOutcome(end)).toBe(getScene(11).choices[0]!.outcome);
  });

  test("a careful party without a Cleric also makes it", () => {
    const steps = ["take-map", "pick-lock", "track-wolves", "pay-troll", "rest-spring", "balance", "scales-path",
      "rogue-ledge", "parley", "tiptoe-through", "read-runes", "seal-shard"];
    const end = play(partyOf("Fighter", "Wizard", "Rogue", "Ranger"), steps);
    expect(getEnding(end)?.id).toBe("warden-rest");
    expect(end.heroes.map((h) => h.hp)).toEqual([24, 16, 20, 22]);
  });

  test("fighting the Warden after a careful road hurts but is survivable", () => {
    const steps = SAFE_STEPS.map((step) => (step === "parley" ? "fight" : step));
    const end = play(newGame(PARTY), steps);
    expect(end.heroes.map((h) => h.hp)).toEqual([26, 14, 18, 20]);
    expect(getEnding(end)?.id).toBe("stone-seal");
  });

  test("the reckless path wipes the party out at the Ember Warden", () => {
    const beforeWarden = play(newGame(PARTY), RECKLESS_STEPS.slice(0, -1));
    expect(beforeWarden.scene_index).toBe(8);
    expect(beforeWarden.heroes.map((h) => h.hp)).toEqual([5, 0, 1, 3]);

    const end = applyChoice(beforeWarden, "fight");
    expect(isDefeated(end)).toBe(true);
    expect(end.heroes.every((h) => h.hp === 0)).toBe(true);
    expect(end.scene_index).toBe(8);
    expect(end.choices.scene7).toBeNull();
    expect(end.choices.scene8).toBe("fight");
    expect(isFinished(end)).toBe(false);
    expect(getEnding(end)).toBeNull();
    expect(currentPrompt(end)).toEqual({ kind: "defeated" });
    expect(lastOutcome(end)).toBe(getScene(8).choices[0]!.outcome);
  });
});

describe("lastOutcome", () => {
  test("is null before any move and follows the latest choice, even across a skip and a reload", () => {
    expect(lastOutcome(newGame(PARTY))).toBeNull();
    const afterMap = applyChoice(newGame(PARTY), "take-map");
    expect(lastOutcome(afterMap)).toBe(getScene(1).choices[0]!.outcome);

    const skipped = play(newGame(PARTY), ["ask-locals", "pick-lock", "keep-trail", "goat-path"]);
    const reloaded = JSON.parse(JSON.stringify(skipped)) as GameState;
    expect(lastOutcome(reloaded)).toBe(getScene(4).choices.find((c) => c.id === "goat-path")!.outcome);
  });

  test("after scene 6 it is the scene 6 choice, not the sigil", () => {
    expect(lastOutcome(sandboxState(7))).toBe(getScene(6).choices.find((c) => c.id === "scales-path")!.outcome);
  });
});

describe("sandboxState", () => {
  test.each(SCENES.map((scene) => scene.index))("places the sandbox party at scene %i", (index) => {
    const state = sandboxState(index);
    expect(state.scene_index).toBe(index);
    expect(state.heroes.map((h) => [h.name, h.class])).toEqual(SANDBOX_PARTY.heroes.map((h) => [h.name, h.class]));
    expect(isDefeated(state)).toBe(false);
    expect(state.symbol_choice).toBe(index > 6 ? "balance" : null);
    expect(state.choices).toEqual(
      Object.fromEntries(SCENE_KEYS.slice(0, index - 1).map((key) => [key, SAFE_PATH.choices[key]])),
    );
    expect(currentPrompt(state).kind).toBe(index === 6 ? "symbol" : "choices");
  });

  test("rejects scenes outside 1..11", () => {
    expect(ruleErrorCode(() => sandboxState(0))).toBe("invalid_scene");
    expect(ruleErrorCode(() => sandboxState(12))).toBe("invalid_scene");
  });
});

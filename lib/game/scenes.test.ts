import { describe, expect, test } from "vitest";
import { ENDINGS, ENDING_IDS, SAFE_PATH, SCENES } from "@/lib/game/scenes";
import { SCENE_COUNT, SCENE_KEYS, SYMBOLS, TIMES_OF_DAY, WEATHERS } from "@/lib/game/types";

const CHOICE_ID = /^[a-z0-9-]{1,32}$/;

describe("SCENES data", () => {
  test("11 scenes, indexed 1..11 in order with matching keys", () => {
    expect(SCENES).toHaveLength(SCENE_COUNT);
    expect(SCENES.map((scene) => scene.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(SCENES.map((scene) => scene.key)).toEqual([...SCENE_KEYS]);
  });

  test("locations are distinct; time and weather come from the enums", () => {
    expect(new Set(SCENES.map((scene) => scene.location)).size).toBe(SCENE_COUNT);
    for (const scene of SCENES) {
      expect(TIMES_OF_DAY).toContain(scene.time_of_day);
      expect(WEATHERS).toContain(scene.weather);
      expect(scene.title.length).toBeGreaterThan(0);
    }
  });

  test("narration is at most 420 characters", () => {
    for (const scene of SCENES) {
      expect(scene.narration.length, scene.key).toBeGreaterThan(50);
      expect(scene.narration.length, scene.key).toBeLessThanOrEqual(420);
    }
  });

  test("each scene has 2-4 choices with unique, well-formed ids and short labels", () => {
    for (const scene of SCENES) {
      expect(scene.choices.length, scene.key).toBeGreaterThanOrEqual(2);
      expect(scene.choices.length, scene.key).toBeLessThanOrEqual(4);
      const ids = scene.choices.map((choice) => choice.id);
      expect(new Set(ids).size, scene.key).toBe(ids.length);
      for (const choice of scene.choices) {
        expect(choice.id).toMatch(CHOICE_ID);
        expect(choice.label.length, choice.id).toBeLessThanOrEqual(60);
        expect(choice.outcome.length, choice.id).toBeGreaterThan(0);
      }
    }
  });

  test("every scene has a choice anyone can take, so no party is ever stuck", () => {
    for (const scene of SCENES) {
      expect(scene.choices.some((choice) => !choice.requires), scene.key).toBe(true);
    }
  });

  test("every `next` jumps forward within 1..11, and at least one scene is skippable", () => {
    const jumps = SCENES.flatMap((scene) =>
      scene.choices.flatMap((choice) => (choice.next === undefined ? [] : [[scene.index, choice.next]])),
    );
    expect(jumps.length).toBeGreaterThan(0);
    for (const [from, to] of jumps) {
      expect(to).toBeGreaterThan(from! + 1);
      expect(to).toBeLessThanOrEqual(SCENE_COUNT);
    }
  });

  test("`earlier` requirements point at a real choice in an earlier scene", () => {
    for (const scene of SCENES) {
      for (const choice of scene.choices) {
        const earlier = choice.requires?.earlier;
        if (!earlier) continue;
        const target = SCENES.find((candidate) => candidate.key === earlier.scene);
        expect(target!.index).toBeLessThan(scene.index);
        expect(target!.choices.map((candidate) => candidate.id)).toContain(earlier.choice);
      }
    }
  });

  test("healing exists, and every HP delta is a non-zero integer", () => {
    const deltas = SCENES.flatMap((scene) => scene.choices.flatMap((choice) => choice.hp ?? [])).map((e) => e.delta);
    expect(deltas.filter((delta) => delta > 0).length).toBeGreaterThanOrEqual(2);
    for (const delta of deltas) {
      expect(Number.isInteger(delta) && delta !== 0).toBe(true);
    }
  });

  test("only scene 6 has the symbol prompt, offering all three symbols", () => {
    expect(SCENES.filter((scene) => scene.symbolPrompt).map((scene) => scene.index)).toEqual([6]);
    expect(SCENES[5]!.symbolPrompt!.options.map((option) => option.symbol)).toEqual([...SYMBOLS]);
  });

  test("scene 8 is the confrontation: fight, parley, flee; fight hurts most", () => {
    const scene8 = SCENES[7]!;
    expect(scene8.choices.map((choice) => choice.id)).toEqual(["fight", "parley", "flee"]);
    const damage = (id: string) => scene8.choices.find((choice) => choice.id === id)!.hp![0]!;
    expect(damage("fight")).toEqual({ target: "party", delta: -12 });
    expect(damage("parley").delta).toBeGreaterThan(damage("flee").delta);
  });

  test("the final scene neither hurts nor jumps, so making the final choice always finishes the tale", () => {
    for (const choice of SCENES[10]!.choices) {
      expect(choice.hp, choice.id).toBeUndefined();
      expect(choice.next, choice.id).toBeUndefined();
    }
  });

  test("SAFE_PATH names a real choice for every scene", () => {
    expect(SYMBOLS).toContain(SAFE_PATH.symbol);
    for (const scene of SCENES) {
      expect(scene.choices.map((choice) => choice.id)).toContain(SAFE_PATH.choices[scene.key]);
    }
  });
});

describe("ENDINGS data", () => {
  test("at least three endings, each keyed by its own id", () => {
    expect(ENDING_IDS.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(ENDINGS).sort()).toEqual([...ENDING_IDS].sort());
    for (const id of ENDING_IDS) {
      expect(ENDINGS[id].id).toBe(id);
      expect(ENDINGS[id].text.length).toBeGreaterThan(50);
    }
    expect(new Set(ENDING_IDS.map((id) => ENDINGS[id].tone))).toEqual(new Set(["victory", "bittersweet", "dark"]));
  });
});

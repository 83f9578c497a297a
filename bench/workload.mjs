// The benchmarks' workload, shared by save-load.mjs (HTTP) and micro.mts (step by step).

export const SESSIONS = 1000;

export const benchSessionId = (i) => `bench-${String(i % SESSIONS).padStart(4, "0")}`;

/** A mid-game save: 4 heroes, scenes 1-5 decided, scene 6 reached (ids from lib/game/scenes.ts). */
export function benchState(i) {
  return {
    scene_index: 6,
    party_name: `The Lantern Bearers ${i}`,
    heroes: [
      { name: "Brakka Ironhide", class: "Fighter", hp: 24 },
      { name: "Elowen Vex", class: "Wizard", hp: 11 },
      { name: "Pip Quickfingers", class: "Rogue", hp: 15 },
      { name: "Sister Maud", class: "Cleric", hp: 18 },
    ],
    symbol_choice: "balance",
    choices: { scene1: "ask-locals", scene2: "pick-lock", scene3: "track-wolves", scene4: "sing-toll", scene5: "cleric-prayer" },
  };
}

// The system prompts: what a model is told before the conversation. Built on the server from the
// stored game, never from the request.
import { CLASS_INFO, maxHp } from "@/lib/game/classes";
import { GM_HP_DELTA_LIMIT } from "@/lib/game/gm-effects";
import { currentPrompt, getScene } from "@/lib/game/rules";
import type { GameState } from "@/lib/game/types";

function describeParty(state: GameState): string {
  return state.heroes
    .map((hero) => `- ${hero.name}, ${hero.class} (${CLASS_INFO[hero.class].description}): ${hero.hp}/${maxHp(hero.class)} HP${hero.hp <= 0 ? ", DOWN" : ""}`)
    .join("\n");
}

function describeOptions(state: GameState): string {
  const prompt = currentPrompt(state);
  switch (prompt.kind) {
    case "symbol":
      return `The party must choose a sigil: ${prompt.options.map((option) => `${option.symbol} ("${option.label}")`).join(", ")}.`;
    case "choices":
      return prompt.choices.map((choice) => `- ${choice.label} (id ${choice.id}${choice.blockedReason ? `; locked: ${choice.blockedReason}` : ""})`).join("\n");
    case "finished":
      return `The tale is over${prompt.ending ? `: ending "${prompt.ending.title}".` : "."}`;
    case "defeated":
      return "The whole party has fallen: the tale is over unless they load an earlier save.";
  }
}

/** The game master's instructions, with the party, the scene and what is open to them now. */
export function gameMasterPrompt({ state, lastOutcome, summary }: { state: GameState; lastOutcome: string | null; summary: string | null }): string {
  const scene = getScene(state.scene_index);
  return [
    "You are the game master of Taleshard, a retro fantasy adventure in eleven scenes. Answer the players in 2 to 5 vivid sentences of second-person, present-tense narration, in the scene's mood. Stay inside the story: never mention being an AI, prompts or rules. Refer to heroes by name. Use Markdown sparingly (emphasis only).",
    "The players choose the scene's options themselves; you narrate their free-form actions and questions. You may change the game only through your tools, and only when the story clearly calls for it:",
    `- adjust_hp: heal or hurt one standing hero by at most ${GM_HP_DELTA_LIMIT} HP (it cannot down or revive anyone);`,
    "- set_flag: remember a story fact the party earned (kebab-case, e.g. befriended-troll);",
    "- give_clue: when the party finds or learns something, open a locked option of this or a later scene (by scene key and option id). Never a sigil-locked one.",
    "At most one or two effects per answer. Narrate what happens; the game shows the numbers.",
    "",
    `Scene ${scene.index} of 11 (key ${scene.key}): ${scene.title}, at ${scene.location} (${scene.time_of_day}, ${scene.weather}).`,
    scene.narration,
    lastOutcome ? `What just happened: ${lastOutcome}` : "",
    `Party "${state.party_name}":`,
    describeParty(state),
    state.symbol_choice ? `Their sigil: ${state.symbol_choice}.` : "They have not chosen a sigil yet.",
    state.flags?.length ? `Story facts so far: ${state.flags.join(", ")}.` : "",
    state.clues?.length ? `Clues already given: ${state.clues.join(", ")}.` : "",
    "Options open to them now:",
    describeOptions(state),
    summary ? `\nEarlier in this conversation (summary): ${summary}` : "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

/** The summarizer's instructions (Gemini; the offline provider summarizes by itself). */
export const SUMMARY_PROMPT =
  "Summarize the conversation below between players and their game master in at most 600 characters: who did what, what they learned, promises and open threads. Plain prose, past tense, no preamble.";

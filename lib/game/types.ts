// Shared game vocabulary. The saved state shape is the save/load API contract:
// keep field names in snake_case exactly as stored and sent over the wire.

export const HERO_CLASSES = ["Fighter", "Wizard", "Rogue", "Cleric", "Ranger", "Bard"] as const;
export type HeroClass = (typeof HERO_CLASSES)[number];

export const SYMBOLS = ["order", "chaos", "balance"] as const;
export type SymbolChoice = (typeof SYMBOLS)[number];

export const SCENE_COUNT = 11;
export const SCENE_KEYS = [
  "scene1",
  "scene2",
  "scene3",
  "scene4",
  "scene5",
  "scene6",
  "scene7",
  "scene8",
  "scene9",
  "scene10",
  "scene11",
] as const;
export type SceneKey = (typeof SCENE_KEYS)[number];

export type Hero = { name: string; class: HeroClass; hp: number };

/** What a choice id recorded per scene; null marks a scene that was skipped. */
export type ChoiceLog = Partial<Record<SceneKey, string | null>>;

export type GameState = {
  scene_index: number; // 1..11
  party_name: string;
  heroes: Hero[]; // 1..6 on the wire; new games pick 3..4
  symbol_choice: SymbolChoice | null;
  choices: ChoiceLog;
  /** Story flags the game master set in chat (e.g. "befriended-troll"); absent in older saves. */
  flags?: string[];
  /** Choices a game-master clue unlocked, as "<sceneKey>:<choiceId>" (e.g. "scene4:goat-path"); absent in older saves. */
  clues?: string[];
};

export const TIMES_OF_DAY = ["dawn", "day", "dusk", "night"] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
export const WEATHERS = ["clear", "fog", "rain", "storm", "snow", "embers"] as const;
export type Weather = (typeof WEATHERS)[number];

/**
 * An HP change. `target`: "party" = every standing hero, "leader" = the first standing
 * hero, a class name = every standing hero of that class (or the leader if none).
 */
export type HpEffect = { target: "party" | "leader" | HeroClass; delta: number };

export type ChoiceRequirement = {
  /** a standing hero of this class must be in the party */
  heroClass?: HeroClass;
  symbol?: SymbolChoice;
  /** an earlier scene's recorded choice */
  earlier?: { scene: SceneKey; choice: string };
};

export type Choice = {
  id: string; // short, stable, [a-z0-9-], ≤ 32 chars: it is what gets saved
  label: string; // what the button says
  outcome: string; // narration shown after the choice was made
  hp?: HpEffect[];
  requires?: ChoiceRequirement;
  /** next scene index; defaults to the following scene. Skipped scenes are logged as null. */
  next?: number;
};

export type Ending = {
  id: string;
  title: string;
  text: string;
  /** "victory" | "bittersweet" | "dark": how the ending screen is dressed */
  tone: "victory" | "bittersweet" | "dark";
};

export type Scene = {
  index: number; // 1..11
  key: SceneKey;
  title: string;
  location: string; // these three key the scene art later
  time_of_day: TimeOfDay;
  weather: Weather;
  narration: string;
  choices: Choice[]; // 2..4
  /** Scene 6 only: the symbol is chosen first, the scene's choices follow. */
  symbolPrompt?: { text: string; options: { symbol: SymbolChoice; label: string; outcome: string }[] };
};

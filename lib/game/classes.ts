import type { HeroClass } from "./types";

export type ClassInfo = {
  maxHp: number;
  /** one line for the party builder */
  description: string;
  /** emoji shown next to the hero's name */
  glyph: string;
  /** three-letter tag for tight retro layouts (HP bars, logs) */
  tag: string;
};

export const CLASS_INFO: Readonly<Record<HeroClass, ClassInfo>> = {
  Fighter: { maxHp: 30, description: "Steel, stubbornness and a shield that has seen worse.", glyph: "⚔️", tag: "FTR" },
  Wizard: { maxHp: 18, description: "Reads the runes others only stare at; bruises like a peach.", glyph: "🔮", tag: "WIZ" },
  Rogue: { maxHp: 22, description: "Picks locks, finds ledges and never pays the full toll.", glyph: "🗡️", tag: "ROG" },
  Cleric: { maxHp: 24, description: "Prays wounds shut and keeps the lantern lit.", glyph: "✨", tag: "CLR" },
  Ranger: { maxHp: 24, description: "Reads tracks like a map and knows which wolves to avoid.", glyph: "🏹", tag: "RNG" },
  Bard: { maxHp: 20, description: "Pays in songs, wins arguments and makes crystals hum.", glyph: "🎵", tag: "BRD" },
};

export function maxHp(heroClass: HeroClass): number {
  return CLASS_INFO[heroClass].maxHp;
}

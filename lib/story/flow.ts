// How an answer moves the interview along by itself: the age question can be answered in words.
import { AGE_RANGE_LABELS, AGE_RANGES, type AgeRange } from "./contract";

const rangeOfAge = (age: number): AgeRange | null =>
  !Number.isInteger(age) || age < 5 || age > 120 ? null : age < 18 ? "under_18" : age <= 30 ? "18_30" : age <= 45 ? "31_45" : age <= 60 ? "46_60" : "61_plus";

// "Forties" straddles two ranges (31–45 and 46–60), so it names none.
const DECADES: Readonly<Record<string, AgeRange>> = {
  teens: "under_18",
  twenties: "18_30",
  "20s": "18_30",
  thirties: "31_45",
  "30s": "31_45",
  fifties: "46_60",
  "50s": "46_60",
  sixties: "61_plus",
  "60s": "61_plus",
  seventies: "61_plus",
  "70s": "61_plus",
  eighties: "61_plus",
  "80s": "61_plus",
  nineties: "61_plus",
  "90s": "61_plus",
};

const SPANS: Readonly<Record<string, AgeRange>> = { "18-30": "18_30", "31-45": "31_45", "46-60": "46_60" };

/**
 * The age range a person's answer names, and how to say it back; null when it names none: a menu
 * number on its own ("3"), a range as listed ("31–45", "61 and over", "under 18"), an age ("I'm 34",
 * "72 years old", "turning 17", a bare "46"), a decade ("in my late fifties"), or "a teenager".
 */
export function ageRangeIn({ text }: { text: string }): { range: AgeRange; heard: string } | null {
  const lower = text.toWellFormed().replace(/\s+/g, " ").trim().toLowerCase();
  const listed = (range: AgeRange) => ({ range, heard: AGE_RANGE_LABELS[range] });
  const button = /age selected via button:\s*(\w+)/.exec(lower)?.[1];
  if (button && (AGE_RANGES as readonly string[]).includes(button)) return listed(button as AgeRange);
  const numbered = /^([1-5])\s*[.)]?$/.exec(lower);
  if (numbered) return listed(AGE_RANGES[Number(numbered[1]) - 1]!);
  if (/\b(?:under|younger than|less than)\s+(?:18|eighteen)\b|\b(?:i'?m|i am) a teen(?:ager)?\b/.test(lower)) return listed("under_18");
  if (/\b(?:61\s*\+|61 and (?:over|up|older)|61 plus|over (?:60|sixty)|older than (?:60|sixty))/.test(lower)) return listed("61_plus");
  const span = /\b(18|31|46)\s*(?:-|–|—|to)\s*(30|45|60)\b/.exec(lower);
  const spanRange = span ? SPANS[`${span[1]}-${span[2]}`] : undefined;
  if (spanRange) return listed(spanRange);
  const age = /\b(?:i'?m|i am|age|aged|turned|turning)\s+(\d{1,3})\b/.exec(lower) ?? /\b(\d{1,3})\s*(?:years? old|yrs|yo|y\/o)\b/.exec(lower) ?? /^(\d{2,3})$/.exec(lower);
  const ageRange = age ? rangeOfAge(Number(age[1])) : null;
  if (age && ageRange) return { range: ageRange, heard: `you're ${age[1]}` };
  const decade = /\bin my (?:early |mid |late |mid-)?(teens|twenties|thirties|fifties|sixties|seventies|eighties|nineties|[2-9]0s)\b/.exec(lower);
  const decadeRange = decade ? DECADES[decade[1]!] : undefined;
  return decade && decadeRange ? { range: decadeRange, heard: `you're in your ${decade[1]}` } : null;
}

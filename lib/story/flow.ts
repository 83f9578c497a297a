// How an answer moves the interview along by itself: the age question can be answered in words.
import type { AgeRange } from "./contract";

const RANGE_BY_CHOICE: Record<string, AgeRange> = { "1": "under_18", "2": "18_30", "3": "31_45", "4": "46_60", "5": "61_plus" };

function rangeOfAge(age: number): AgeRange | null {
  if (!Number.isInteger(age) || age < 5 || age > 120) return null;
  if (age < 18) return "under_18";
  if (age <= 30) return "18_30";
  if (age <= 45) return "31_45";
  if (age <= 60) return "46_60";
  return "61_plus";
}

/**
 * The age range a person's answer names, or null: a menu number on its own ("3"), a range as
 * listed ("31–45", "61 and over", "under 18"), or an age ("I'm 34", "72 years old", "turning 17").
 */
export function ageRangeIn({ text }: { text: string }): AgeRange | null {
  const answer = text.trim().toLowerCase();
  if (RANGE_BY_CHOICE[answer.replace(/[.)]$/, "")]) return RANGE_BY_CHOICE[answer.replace(/[.)]$/, "")]!;
  if (/\bunder\s*18\b|\bteen(ager)?\b|\bin high school\b/.test(answer)) return "under_18";
  if (/\b61\s*(\+|and over|or over|or older|plus)|\bover\s*60\b|\bretired\b/.test(answer)) return "61_plus";
  const range = /\b(\d{2})\s*(?:-|–|—|to)\s*(\d{2})\b/.exec(answer);
  if (range) {
    const [low, high] = [Number(range[1]), Number(range[2])];
    const middle = rangeOfAge(Math.floor((low + high) / 2));
    if (middle && rangeOfAge(low) === middle) return middle;
  }
  const age = /\b(?:i'?m|i am|aged?|turning|turned|just turned)\s+(\d{1,3})\b|\b(\d{1,3})\s*(?:years? old|yo|y\/o)\b/.exec(answer);
  if (age) return rangeOfAge(Number(age[1] ?? age[2]));
  // A bare number that is an age, not a menu choice.
  const bare = /^(\d{2,3})$/.exec(answer);
  return bare ? rangeOfAge(Number(bare[1])) : null;
}

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { cleanText, clip, isMarker, readDetails, retell, salience } from "./life-details";

describe("readDetails", () => {
  test("relations with their names, places after in/at/to/from, times", () => {
    const details = readDetails("My grandmother Rosa lived in Lisbon, and every summer we stayed with her.");
    expect(details.people).toEqual([{ said: "My grandmother Rosa", relation: "grandmother", name: "Rosa", pronoun: "her" }]);
    expect(details.places).toEqual([{ said: "Lisbon", where: "in Lisbon" }]);
    expect(details.times.map((time) => time.noun)).toEqual(["that summer"]);
  });

  test("names not at the start of a sentence; relations said as names; titles", () => {
    const details = readDetails("When Rosa came to visit, Mom baked bread. We spent Christmas at Aunt Maria's house.");
    expect(details.people.map((person) => [person.said, person.pronoun])).toEqual([
      ["Rosa", "them"],
      ["Mom", "her"],
      ["Aunt Maria", "her"],
    ]);
    expect(details.times.map((time) => time.adverbial)).toEqual(["at Christmas"]);
    expect(readDetails("Rosa was kind.").people).toEqual([]);
  });

  test("multi-word places, lower-case places, years, decades, ages and feelings", () => {
    const details = readDetails("In 1987 we moved to New York and I felt so lonely on the farm when I was seven, back in the '80s.");
    expect(details.places.map((place) => place.where)).toEqual(["in New York", "on the farm"]);
    expect(details.feelings).toEqual(["lonely"]);
    expect(details.times.map((time) => time.label)).toEqual(["1987", "Age 7", "The 1980s"]);
    expect(readDetails("My family is from Rio de Janeiro.").places[0]?.said).toBe("Rio de Janeiro");
    expect(readDetails("I went to university in my 20s.").times).toEqual([]);
  });

  test("no names from things, languages, months or a talk with someone", () => {
    expect(readDetails("I listened to the Beatles and spoke English in June.").people).toEqual([]);
    expect(readDetails("I talked to Maria about it.").places).toEqual([]);
    expect(readDetails("I talked to Maria about it.").people.map((person) => person.name)).toEqual(["Maria"]);
    expect(readDetails("We watched TV with the USA team.").people).toEqual([]);
    expect(readDetails("a small house").feelings).toEqual([]);
    expect(readDetails("I felt so small").feelings).toEqual(["small"]);
  });

  test("salience: people weigh most", () => {
    expect(salience(readDetails("My sister Ana."))).toBeGreaterThan(salience(readDetails("In Lisbon.")));
    expect(salience(readDetails("nothing here"))).toBe(0);
  });

  test("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const details = readDetails(text);
        for (const person of details.people) expect(person.said.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("retell", () => {
  test("to them: I → you, my → your, we → you, names kept", () => {
    expect(retell({ text: "My grandmother Rosa taught me to bake, and I was so proud of myself.", voice: "second" })).toBe(
      "Your grandmother Rosa taught you to bake, and you were so proud of yourself.",
    );
    expect(retell({ text: "We moved. I'm still here, aren't I? Mom knows.", voice: "second" })).toBe("You moved. You're still here, aren't you? Your mom knows.");
  });

  test("about them: I → they, my → their, me → them; quotations left as said", () => {
    expect(retell({ text: "I was seven when my dad took me to Lisbon.", voice: "third" })).toBe("They were seven when their dad took them to Lisbon.");
    expect(retell({ text: 'She said "I believe in you" and I cried.', voice: "third" })).toBe('She said "I believe in you" and they cried.');
    expect(retell({ text: "We won the US cup; it was ours.", voice: "third" })).toBe("They won the US cup; it was theirs.");
    expect(retell({ text: "i won't forget it", voice: "third" })).toBe("They won't forget it");
    expect(retell({ text: "Meet me at mine, said Mia.", voice: "third" })).toBe("Meet them at theirs, said Mia.");
    expect(retell({ text: "My best friend Tomas and I built a raft.", voice: "third" })).toBe("They and their best friend Tomas built a raft.");
    expect(retell({ text: "Then my sister and I left.", voice: "second" })).toBe("Then you and your sister left.");
  });
});

describe("cleaning", () => {
  test("cleanText: no control characters, well-formed, single spaces", () => {
    expect(cleanText("  a\u0000b\n\tc \uD800 d ")).toBe("a b c \uFFFD d");
  });

  test("clip: at a word, with an ellipsis, never half a character", () => {
    expect(clip("short", 10)).toBe("short");
    expect(clip("one two three four five", 12)).toBe("one two…");
    const clipped = clip(`${"a".repeat(9)}😀😀`, 11);
    expect(clipped.isWellFormed()).toBe(true);
    expect(clipped.length).toBeLessThanOrEqual(11);
  });

  test("markers are not the person's words", () => {
    expect(isMarker("[Moving to next phase: childhood]")).toBe(true);
    expect(isMarker("[Jumping to chapter: midlife]")).toBe(true);
    expect(isMarker("age selected via button: 31_45")).toBe(true);
    expect(isMarker("[I was moving to Lisbon] then")).toBe(false);
  });
});

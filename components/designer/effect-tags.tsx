import { getScene } from "@/lib/game/rules";
import { SCENE_COUNT, SCENE_KEYS, type Choice, type HpEffect, type Scene } from "@/lib/game/types";

type Tag = { kind: "plus" | "minus" | "require" | "next"; text: string };

const TARGET_LABEL: Record<string, string> = { party: "Party", leader: "Leader" };

function hpTag({ target, delta }: HpEffect): Tag {
  const who = TARGET_LABEL[target] ?? target;
  return delta < 0 ? { kind: "minus", text: `${who} −${-delta} HP` } : { kind: "plus", text: `${who} +${delta} HP` };
}

function requirementTags({ requires }: Choice): Tag[] {
  if (!requires) return [];
  const tags: Tag[] = [];
  if (requires.heroClass) tags.push({ kind: "require", text: `Needs a ${requires.heroClass}` });
  if (requires.symbol) tags.push({ kind: "require", text: `Needs the ${requires.symbol} sigil` });
  if (requires.earlier) {
    const index = SCENE_KEYS.indexOf(requires.earlier.scene) + 1;
    const label = getScene(index).choices.find((choice) => choice.id === requires.earlier?.choice)?.label;
    tags.push({ kind: "require", text: `Needs scene ${index}: “${label ?? requires.earlier.choice}”` });
  }
  return tags;
}

function nextTag(scene: Scene, choice: Choice): Tag {
  if (scene.index === SCENE_COUNT) return { kind: "next", text: "→ Ending" };
  const next = choice.next ?? scene.index + 1;
  const skipped = next - scene.index - 1;
  const skips = skipped === 1 ? ` (skips ${scene.index + 1})` : skipped > 1 ? ` (skips ${scene.index + 1}–${next - 1})` : "";
  return { kind: "next", text: `→ Scene ${next}${skips}` };
}

/** A choice's mechanics as short readable tags: HP changes per target, requirements, where it leads. */
export function EffectTags({ scene, choice }: { scene: Scene; choice: Choice }) {
  const tags = [...(choice.hp ?? []).map(hpTag), ...requirementTags(choice), nextTag(scene, choice)];
  return (
    <ul className="effect-tags">
      {tags.map((tag, i) => (
        <li key={i} className="tag" data-kind={tag.kind}>
          {tag.text}
        </li>
      ))}
    </ul>
  );
}

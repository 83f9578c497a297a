import type { Metadata } from "next";
import { DesignersOnly } from "@/components/account/designers-only";
import { SceneCard } from "@/components/designer/scene-card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { getScene } from "@/lib/game/rules";
import { SCENE_COUNT } from "@/lib/game/types";

export const metadata: Metadata = { title: "Scene designer" };

const SCENES = Array.from({ length: SCENE_COUNT }, (_, i) => getScene(i + 1));

export default async function DesignerPage() {
  const user = await getCurrentUser();
  if (!user || !hasRole({ role: user.role, atLeast: "designer" })) {
    return <DesignersOnly isGuest={user?.isGuest ?? true} email={user?.email ?? null} />;
  }
  return (
    <>
      <h1>Scene designer</h1>
      <p className="designer-intro">
        All eleven scenes side by side, with every choice&apos;s HP effects, requirements and where it leads. “Play
        from here” drops the sandbox party (Fighter, Wizard, Rogue, Cleric) into that scene as if they had walked the
        safe path to it.
      </p>
      <ol className="designer-grid">
        {SCENES.map((scene) => (
          <li key={scene.index}>
            <SceneCard scene={scene} />
          </li>
        ))}
      </ol>
    </>
  );
}

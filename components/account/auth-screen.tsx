import type { ReactNode } from "react";
import type { ArtSetting } from "@/lib/pixel-art/compose";
import { SceneArt } from "../scene-art";

type AuthScreenProps = {
  title: string;
  intro: ReactNode;
  /** the backdrop beside the form */
  art: ArtSetting;
  children: ReactNode;
  /** under the form: the link to the other auth page */
  footer: ReactNode;
};

/** Shared frame of the sign-in and sign-up pages: a scene on one side, the form on the other. */
export function AuthScreen({ title, intro, art, children, footer }: AuthScreenProps) {
  return (
    <div className="auth-screen">
      <div className="art-frame auth-art">
        <SceneArt scene={art} />
      </div>
      <div className="auth-body">
        <h1>{title}</h1>
        <div className="auth-intro">{intro}</div>
        <div className="panel">{children}</div>
        <p className="auth-footer">{footer}</p>
      </div>
    </div>
  );
}

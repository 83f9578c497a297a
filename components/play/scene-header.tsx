"use client";

import { useEffect, useRef } from "react";
import { SCENE_COUNT, type Scene } from "@/lib/game/types";

/**
 * Scene number, title (the page's h1) and setting. When the scene changes the title takes focus,
 * so keyboard and screen-reader players land at the top of the new scene instead of on <body>.
 */
export function SceneHeader({ scene }: { scene: Scene }) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  const shownIndex = useRef(scene.index);

  useEffect(() => {
    if (shownIndex.current === scene.index) return;
    shownIndex.current = scene.index;
    titleRef.current?.focus();
  }, [scene.index]);

  return (
    <header className="scene-head">
      <p className="scene-kicker" data-testid="scene-number">
        Scene {scene.index} of {SCENE_COUNT}
      </p>
      <h1 ref={titleRef} tabIndex={-1} data-testid="scene-title">
        {scene.title}
      </h1>
      <p className="scene-meta" data-testid="scene-meta">
        <span>{scene.location}</span>
        <span>{scene.time_of_day}</span>
        <span>{scene.weather}</span>
      </p>
    </header>
  );
}

"use client";

import { useEffect, useRef } from "react";

function isTyping(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Calls `onPick(n)` when the player presses digit n (1..count), unless they are typing
 * in a field, holding a modifier, or a modal dialog is open.
 */
export function useNumberKeys(count: number, onPick: (n: number) => void, enabled = true) {
  const onPickRef = useRef(onPick);
  useEffect(() => {
    onPickRef.current = onPick;
  });

  useEffect(() => {
    if (!enabled || count === 0) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.repeat || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const n = Number(event.key);
      if (Number.isInteger(n) && n >= 1 && n <= count) {
        event.preventDefault();
        onPickRef.current(n);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [count, enabled]);
}

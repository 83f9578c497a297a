"use client";

import { useEffect, useState } from "react";

const FEEDBACK_MS = 2000;

type CopyButtonProps = {
  text: string;
  /** the element showing `text`, selected when the clipboard is blocked so Ctrl+C still works */
  targetId: string;
  label: string;
  testId?: string;
};

/** A small "Copy" button with its own polite "Copied!" feedback. */
export function CopyButton({ text, targetId, label, testId }: CopyButtonProps) {
  const [feedback, setFeedback] = useState("");

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(""), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setFeedback("Copied!");
    } catch {
      // Clipboard blocked (insecure origin, permissions).
      const target = document.getElementById(targetId);
      if (target) window.getSelection()?.selectAllChildren(target);
      setFeedback("Selected: press Ctrl+C");
    }
  }

  return (
    <>
      <button type="button" className="btn btn-small" onClick={copy} data-testid={testId}>
        {label}
      </button>
      <span role="status" className="muted">
        {feedback}
      </span>
    </>
  );
}

"use client";

import type { ReactNode } from "react";
import { useNumberKeys } from "@/hooks/use-number-keys";

export type NumberedOption = {
  id: string;
  label: ReactNode;
  /** why the option can't be picked; the button is disabled and shows it */
  blockedReason?: string | null;
  testId: string;
};

type NumberedOptionsProps = {
  options: NumberedOption[];
  onPick: (id: string) => void;
  layout: "list" | "grid";
};

/** Big numbered buttons that the 1–9 keys also press. */
export function NumberedOptions({ options, onPick, layout }: NumberedOptionsProps) {
  useNumberKeys(options.length, (n) => {
    const option = options[n - 1];
    if (option && !option.blockedReason) onPick(option.id);
  });

  return (
    <>
      <ol className={layout === "grid" ? "symbol-list" : "choice-list"}>
        {options.map((option, index) => (
          <li key={option.id}>
            <button
              type="button"
              className={`btn ${layout === "grid" ? "symbol-btn" : "choice-btn"}`}
              disabled={Boolean(option.blockedReason)}
              onClick={() => onPick(option.id)}
              data-testid={option.testId}
              data-option-id={option.id}
            >
              <span className="choice-key" aria-hidden="true">
                {index + 1}
              </span>
              <span className="choice-label">
                {option.label}
                {option.blockedReason && <span className="choice-lock">{option.blockedReason}</span>}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <p className="key-hint">
        Tip: press <kbd>1</kbd>–<kbd>{options.length}</kbd> to choose.
      </p>
    </>
  );
}

import type { InputHTMLAttributes } from "react";

type TextFieldProps = {
  id: string;
  label: string;
  /** standing help under the input, e.g. the password rules */
  hint?: string;
  /** shown (and announced) under the input when set */
  error?: string | null;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

/** A labelled text input with its help and inline validation message wired up for screen readers. */
export function TextField({ id, label, hint, error, ...input }: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className="input"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

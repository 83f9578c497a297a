import type { InputHTMLAttributes } from "react";

type TextFieldProps = {
  id: string;
  label: string;
  /** shown (and announced) under the input when set */
  error?: string | null;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

/** A labelled text input with an inline validation message wired up for screen readers. */
export function TextField({ id, label, error, ...input }: TextFieldProps) {
  const errorId = `${id}-error`;
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
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

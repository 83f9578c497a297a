import type { ReactNode } from "react";

type StatusPanelProps = {
  /** a big decorative glyph above the title */
  glyph: string;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  /** "status" for polite progress messages, "alert" for failures */
  role?: "status" | "alert";
  testId?: string;
};

/** Full-page message in the house style: loading, not found, errors. Holds the page's h1. */
export function StatusPanel({ glyph, title, children, actions, role, testId }: StatusPanelProps) {
  return (
    <section className="status-panel" role={role} data-testid={testId}>
      <div className="panel">
        <p className="status-glyph" aria-hidden="true">
          {glyph}
        </p>
        <h1>{title}</h1>
        {children}
        {actions && <div className="btn-row">{actions}</div>}
      </div>
    </section>
  );
}

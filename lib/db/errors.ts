/** A driver error (pg or PGlite): both carry Postgres's SQLSTATE and the violated constraint. */
type DriverError = { code?: unknown; constraint?: unknown };

const FOREIGN_KEY_VIOLATION = "23503";

export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, constraint: violated } = error as DriverError;
  return code === FOREIGN_KEY_VIOLATION && violated === constraint;
}

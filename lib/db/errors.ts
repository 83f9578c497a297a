// Recognizing driver errors, whichever way they arrive: from pg directly (the hot path), from
// PGlite, or wrapped by Prisma (its known-request errors carry the driver adapter's error in `meta`).

/** A driver error (pg or PGlite): both carry Postgres's SQLSTATE and the violated constraint. */
type DriverError = { code?: unknown; constraint?: unknown };

const FOREIGN_KEY_VIOLATION = "23503";

export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, constraint: violated } = error as DriverError;
  return code === FOREIGN_KEY_VIOLATION && violated === constraint;
}

// SQLSTATEs and socket codes of a database that is down, overloaded, or too slow to answer.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "57P01", // admin shutdown
  "57P02", // crash shutdown
  "57P03", // cannot connect now (starting up)
  "53300", // too many connections
  "57014", // statement timeout
  "3D000", // database does not exist (mid-migration or misconfigured)
  "08000", // connection exceptions (class 08)
  "08003",
  "08006",
  "08001",
  "08004",
  // Prisma's connection-level error codes.
  "P1001", // can't reach the server
  "P1002", // server reached but timed out
  "P1003", // database does not exist
  "P1008", // operation timed out
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
]);

// What Prisma's driver adapters report (meta.driverAdapterError.cause.kind) for the same situations.
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "ConnectionClosed", "TooManyConnections", "SocketTimeout", "TlsConnectionError"]);

// pg raises these without a code: its own connect and query timeouts, and a dropped socket.
const UNAVAILABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Connection timeout|Client has encountered a connection error)/i;

/** True for any error meaning "the database can't be reached or answer now" (a 503), however wrapped. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && typeof current === "object" && !seen.has(current); ) {
    seen.add(current);
    const { code, message, meta, cause } = current as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } }; cause?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    const adapterKind = meta?.driverAdapterError?.cause?.kind;
    if (typeof adapterKind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(adapterKind)) return true;
    // AggregateError (e.g. a connect attempt to several addresses) lists its causes.
    const nested = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(nested) && nested.some(isDatabaseUnavailable)) return true;
    // Auth.js wraps the original error as `cause: { err }`.
    current = cause ?? (current as { err?: unknown }).err;
  }
  return false;
}

// Domain errors: what went wrong, in the domain's words. Services throw these; the HTTP layer
// (lib/api/errors.ts) is the one place that turns them into status codes and the error shape.

export type DomainErrorKind =
  | "invalid" // the input breaks a rule the schema could not express
  | "unauthenticated" // no valid session or token
  | "forbidden" // known caller, not allowed
  | "not_found" // absent, or not the caller's (never say which)
  | "conflict" // the stored state moved on
  | "limited" // a rate limit or quota
  | "unavailable" // a dependency is down
  | "timeout" // a dependency took too long
  | "upstream"; // a dependency answered with something unusable

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  /** What it is about, e.g. "party", "version", "session": with the kind, it names the error code. */
  readonly subject: string;
  readonly details?: unknown;

  constructor(kind: DomainErrorKind, subject: string, options: { message?: string; details?: unknown; cause?: unknown } = {}) {
    super(options.message ?? `${kind}: ${subject}`, { cause: options.cause });
    this.name = "DomainError";
    this.kind = kind;
    this.subject = subject;
    this.details = options.details;
  }

  /** True when the message was written for people (not the generated fallback). */
  get hasMessage(): boolean {
    return this.message !== `${this.kind}: ${this.subject}`;
  }
}

export class NotFoundError extends DomainError {
  constructor(subject: string, options?: { message?: string }) {
    super("not_found", subject, options);
  }
}

export class ConflictError extends DomainError {
  constructor(subject: string, options?: { message?: string; details?: unknown }) {
    super("conflict", subject, options);
  }
}

export class ForbiddenError extends DomainError {
  constructor(subject: string, options?: { message?: string }) {
    super("forbidden", subject, options);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(subject: "session" | "token", options?: { message?: string }) {
    super("unauthenticated", subject, options);
  }
}

export class InvalidInputError extends DomainError {
  constructor(subject: string, options?: { message?: string; details?: unknown }) {
    super("invalid", subject, options);
  }
}

/** A limit was reached; `retryAfterSeconds` is the real wait until a request passes again. */
export class LimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  /** Protocol headers describing the limit (RateLimit-*), passed through to the response. */
  readonly headers: Record<string, string>;

  constructor(subject: string, options: { retryAfterSeconds: number; headers?: Record<string, string>; message?: string }) {
    super("limited", subject, { message: options.message, details: { retry_after_seconds: options.retryAfterSeconds } });
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.headers = options.headers ?? {};
  }
}

export class UnavailableError extends DomainError {
  constructor(subject: string, options?: { message?: string; cause?: unknown }) {
    super("unavailable", subject, options);
  }
}

/** A dependency (the AI) answered with something unusable. */
export class UpstreamError extends DomainError {
  constructor(subject: string, options?: { message?: string; cause?: unknown }) {
    super("upstream", subject, options);
  }
}

// The AI layer's domain error. Providers translate SDK, network and validation failures into it;
// the HTTP layer maps `kind` to a status (quota → 429, unavailable → 503, timeout → 504, …).

export type AiErrorKind =
  /** every model is over its quota or rate limit */
  | "quota"
  /** the model service failed or could not be reached, or the stream broke */
  | "unavailable"
  /** no first token, or no complete reply, within the configured time */
  | "timeout"
  /** the model's JSON did not match the schema, even after a repair attempt */
  | "invalid_output"
  /** the model refused the prompt on safety grounds */
  | "blocked"
  /** the caller cancelled */
  | "aborted"
  /** the request cannot be served as asked (e.g. a brief kind this provider cannot handle) */
  | "bad_request";

export class AiError extends Error {
  readonly kind: AiErrorKind;
  /** the model that failed last, when one was asked */
  readonly model?: string;
  /** when the service said how long to wait before trying again */
  readonly retryAfterSeconds?: number;

  constructor({
    kind,
    message,
    model,
    retryAfterSeconds,
    cause,
  }: {
    kind: AiErrorKind;
    message: string;
    model?: string;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "AiError";
    this.kind = kind;
    if (model !== undefined) this.model = model;
    if (retryAfterSeconds !== undefined) this.retryAfterSeconds = retryAfterSeconds;
  }
}

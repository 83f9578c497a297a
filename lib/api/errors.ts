import "server-only";
import { AiError, type AiErrorKind } from "@/lib/ai/errors";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { DomainError, LimitedError, type DomainErrorKind } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { ErrorBody, ErrorCode, ErrorType } from "./contract";

// The one place where errors become HTTP answers: status, the JSON shape of ./contract.ts, headers.

const STATUS_BY_TYPE: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  rate_limit: 429,
  internal: 500,
  bad_gateway: 502,
  unavailable: 503,
  timeout: 504,
};

const TYPE_BY_KIND: Record<DomainErrorKind, ErrorType> = {
  invalid: "validation",
  unauthenticated: "unauthorized",
  forbidden: "forbidden",
  not_found: "not_found",
  conflict: "conflict",
  limited: "rate_limit",
  unavailable: "unavailable",
  timeout: "timeout",
  upstream: "bad_gateway",
};

const MESSAGE_BY_TYPE: Record<ErrorType, string> = {
  bad_request: "The request could not be understood.",
  unauthorized: "You need to sign in first.",
  forbidden: "You are not allowed to do that.",
  not_found: "Nothing was found here.",
  method_not_allowed: "This endpoint does not accept that method.",
  conflict: "The request conflicts with the current state.",
  payload_too_large: "The request body is too large.",
  unsupported_media_type: "Send the request body as application/json.",
  validation: "Some fields are invalid.",
  rate_limit: "Too many requests. Try again shortly.",
  internal: "Something went wrong on our side. Nothing you saved was lost.",
  bad_gateway: "An upstream service gave an answer we could not use. Try again.",
  unavailable: "The service is temporarily unavailable. Try again shortly.",
  timeout: "An upstream service took too long to answer. Try again.",
};

const MESSAGE_BY_CODE: Partial<Record<ErrorCode, string>> = {
  "bad_request:json": "The request body is not valid JSON.",
  "bad_request:empty_body": "The request body is empty.",
  "bad_request:url": "The request URL is malformed (bad percent-encoding).",
  "bad_request:http": "The request is not valid HTTP.",
  "not_found:route": "There is no API endpoint at this path.",
  "not_found:party": "No saved game exists for this session id.",
  "not_found:snapshot": "That snapshot does not exist for this session.",
  "conflict:version": "The game was saved elsewhere in the meantime: reload to continue from the latest save.",
  "validation:save": "The saved game is invalid.",
  "validation:session_id": "The session id must be 1–128 letters, digits, '-' or '_'.",
  "validation:restore": "The restore request is invalid.",
  "unavailable:database": "The database is not reachable right now. Try again shortly.",
  "unauthorized:session": "Your session has expired. Reload the page to continue.",
  "unauthorized:token": "The API token is missing, invalid or revoked.",
  "forbidden:origin": "This request must come from the Taleshard site itself.",
  "forbidden:guest": "Create an account first: guests cannot do this.",
  "forbidden:role": "Your account does not have the role this needs.",
  "not_found:token": "No such API token.",
  "not_found:user": "No account has that email.",
  "conflict:account": "We couldn't create an account with those details. If you already have one, sign in instead.",
  "validation:signup": "Some sign-up fields are invalid.",
  "validation:token": "The token request is invalid.",
  "validation:role": "The role change is invalid.",
  "validation:password": "The password change is invalid.",
  "forbidden:password": "The current password is wrong.",
  "rate_limit:auth": "Too many sign-in attempts. Wait a moment and try again.",
  "rate_limit:guest": "Too many new visitors from your network in the last hour. Try again later.",
  "rate_limit:save": "Too many saves in a short time. Wait a moment and try again.",
  "rate_limit:chat_daily": "You have reached today's chat limit. Sign up for a higher one, or come back tomorrow.",
  "rate_limit:ai_quota": "The storyteller is out of breath (the AI service's quota is used up). Try again shortly.",
  "unavailable:ai": "The storyteller cannot be reached right now. Try again shortly.",
  "timeout:ai": "The storyteller took too long to answer. Try again.",
  "bad_gateway:ai_output": "The storyteller's answer came back garbled. Try again.",
  "validation:ai_blocked": "The storyteller would not answer that. Try putting it another way.",
};

/** How each AI failure reaches the client. `aborted` only happens when the client itself left. */
const AI_ERROR_CODE: Record<AiErrorKind, ErrorCode> = {
  quota: "rate_limit:ai_quota",
  unavailable: "unavailable:ai",
  timeout: "timeout:ai",
  invalid_output: "bad_gateway:ai_output",
  blocked: "validation:ai_blocked",
  aborted: "unavailable:ai",
  bad_request: "internal:ai_request",
};

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, options: { message?: string; details?: unknown; headers?: Record<string, string> } = {}) {
    const type = code.slice(0, code.indexOf(":")) as ErrorType;
    super(options.message ?? MESSAGE_BY_CODE[code] ?? MESSAGE_BY_TYPE[type]);
    this.name = "ApiError";
    this.code = code;
    this.status = STATUS_BY_TYPE[type];
    this.details = options.details;
    this.headers = options.headers;
  }

  /** The standard JSON error body (with the request id, when one is known). */
  toBody(requestId?: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
        ...(requestId ? { request_id: requestId } : {}),
      },
    };
  }

  toResponse(requestId?: string): Response {
    const headers = new Headers(this.headers);
    headers.set("Cache-Control", "no-store");
    if (requestId) headers.set("X-Request-Id", requestId);
    return Response.json(this.toBody(requestId), { status: this.status, headers });
  }
}

/**
 * Any thrown value as an ApiError: domain errors by kind and subject, connection failures of
 * either database driver as 503, anything else as a logged, generic 500 (never shown).
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) {
    const code: ErrorCode = `${TYPE_BY_KIND[error.kind]}:${error.subject}`;
    const headers = error instanceof LimitedError ? error.headers : undefined;
    return new ApiError(code, { message: error.hasMessage ? error.message : undefined, details: error.details, headers });
  }
  if (error instanceof AiError) {
    logger.warn({ err: error, model: error.model }, "AI call failed");
    const retryAfter = error.retryAfterSeconds;
    return new ApiError(AI_ERROR_CODE[error.kind], retryAfter ? { headers: { "Retry-After": String(retryAfter) }, details: { retry_after_seconds: retryAfter } } : {});
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error }, "database unavailable");
    return new ApiError("unavailable:database", { headers: { "Retry-After": "5" } });
  }
  logger.error({ err: error }, "unhandled error");
  return new ApiError("internal:server");
}

// The error half of every API's wire contract, shared by the server and the browser.
// A code is `<type>:<scope>`, e.g. `validation:save` or `rate_limit:chat`; the type decides the
// status, the scope says what it was about.

export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation"
  | "rate_limit"
  | "internal"
  | "bad_gateway"
  | "unavailable"
  | "timeout";

export type ErrorCode = `${ErrorType}:${string}`;

/** The one error shape: `{"error": {"code", "message", "details"?, "request_id"?}}`. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown; request_id?: string } };

/** One field's problem in a 422's `details.issues`. */
export type ValidationIssue = { path: string; message: string };

/** The methods Next.js routes; every route answers each of them (a 405 where it has none). */
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

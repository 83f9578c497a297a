// The one error type of the HTTP API. A code is `<type>:<scope>`, e.g. `validation:save`
// or `rate_limit:chat`; the type decides the status, the code may refine the message.

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
  | "unavailable"
  | "internal";

export type ErrorCode = `${ErrorType}:${string}`;

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
  unavailable: 503,
  internal: 500,
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
  unavailable: "The service is temporarily unavailable. Try again shortly.",
  internal: "Something went wrong on our side. Nothing you saved was lost.",
};

const MESSAGE_BY_CODE: Partial<Record<ErrorCode, string>> = {
  "bad_request:json": "The request body is not valid JSON.",
  "bad_request:empty_body": "The request body is empty.",
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
  "rate_limit:auth": "Too many sign-in attempts. Wait a moment and try again.",
  "rate_limit:save": "Too many saves in a short time. Wait a moment and try again.",
  "rate_limit:chat_daily": "You have reached today's chat limit. Sign up for a higher one, or come back tomorrow.",
};

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

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

  toResponse(): Response {
    const body: ErrorBody = { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
    return Response.json(body, { status: this.status, headers: this.headers });
  }
}

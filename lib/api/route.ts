import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { findRequestUser, requireUser, type AuthRequirement, type RequestUser } from "@/lib/auth/request-user";
import { clearedSessionCookies, renewedSessionCookie, SESSION_RENEW_AFTER_SECONDS } from "@/lib/auth/session-token";
import { logger, withRequestContext } from "@/lib/log";
import { clientIp, enforceRateLimit, type RateLimitPolicy } from "@/lib/rate-limit";
import { HTTP_METHODS, type ErrorCode, type HttpMethod } from "./contract";
import { ApiError, toApiError } from "./errors";
import { parseInput, readJsonBody } from "./http";

// The one wrapper every API route goes through: request id, authentication, rate limit, params,
// query and body parsed with the domain's contract, errors mapped in one place, and the headers
// every answer carries. Route files only declare what they need and call lib/.

/** "none": no caller is read; "optional": the caller if there is one; otherwise who must call. */
export type RouteAuth = "none" | "optional" | AuthRequirement;

type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

export type RouteSpec<A extends RouteAuth, B, P, Q> = {
  auth: A;
  /** Counted per user and per IP before the body is read. */
  rateLimit?: RateLimitPolicy;
  body?: { schema: B; maxBytes: number; code: ErrorCode };
  params?: { schema: P; code: ErrorCode };
  query?: { schema: Q; code: ErrorCode };
};

export type RouteInput<A extends RouteAuth, B, P, Q> = {
  request: Request;
  user: A extends "none" | "optional" ? RequestUser | null : RequestUser;
  body: Parsed<B>;
  params: Parsed<P>;
  query: Parsed<Q>;
  requestId: string;
  /** Added to the answer, e.g. a Set-Cookie from the handler. */
  responseHeaders: Headers;
};

/** What Next passes a route handler; `params` only on dynamic routes. */
export type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: Request, context?: NextRouteContext) => Promise<Response>;

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,64}$/;

/** The id of this request: the one a proxy in front assigned, if it looks like one, else a new one. */
function requestIdFor(request: Request): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
}

async function resolveUser(auth: RouteAuth, request: Request): Promise<RequestUser | null> {
  if (auth === "none") return null;
  if (auth === "optional") return findRequestUser(request);
  return requireUser(request, auth);
}

async function prepareInput<A extends RouteAuth, B, P, Q>(
  spec: RouteSpec<A, B, P, Q>,
  request: Request,
  context: NextRouteContext | undefined,
  requestId: string,
  responseHeaders: Headers,
): Promise<RouteInput<A, B, P, Q>> {
  const user = await resolveUser(spec.auth, request);
  if (user?.sessionIssuedAt !== undefined && Date.now() / 1000 - user.sessionIssuedAt > SESSION_RENEW_AFTER_SECONDS) {
    // Sliding expiry: a session in use is re-issued once a day (only the session, never a token).
    const renewed = await renewedSessionCookie({ headers: request.headers, secure: request.headers.get("cookie")?.includes("__Secure-") ?? false });
    if (renewed) responseHeaders.append("Set-Cookie", renewed);
  }
  if (spec.rateLimit) {
    const limits = await enforceRateLimit({ policy: spec.rateLimit, userId: user?.id, ip: clientIp({ request }), isGuest: user?.isGuest ?? true });
    for (const [name, value] of Object.entries(limits)) responseHeaders.set(name, value);
  }
  const params = spec.params ? parseInput(spec.params.schema as z.ZodType, await context?.params, spec.params.code) : undefined;
  const query = spec.query ? parseInput(spec.query.schema as z.ZodType, Object.fromEntries(new URL(request.url).searchParams), spec.query.code) : undefined;
  const body = spec.body ? parseInput(spec.body.schema as z.ZodType, await readJsonBody(request, { maxBytes: spec.body.maxBytes }), spec.body.code) : undefined;
  return { request, user: user as RouteInput<A, B, P, Q>["user"], body, params, query, requestId, responseHeaders } as RouteInput<A, B, P, Q>;
}

/** Headers every API answer carries: private data is never cached, and the request id is shown. */
function finish(response: Response, { requestId, responseHeaders }: { requestId: string; responseHeaders: Headers }): Response {
  for (const [name, value] of responseHeaders) {
    if (name === "set-cookie") continue;
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  for (const cookie of responseHeaders.getSetCookie()) response.headers.append("Set-Cookie", cookie);
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  response.headers.set("X-Request-Id", requestId);
  return response;
}

function errorAnswer(error: unknown, { request, requestId, responseHeaders }: { request: Request; requestId: string; responseHeaders: Headers }): Response {
  unstable_rethrow(error); // Next's own control flow (redirect(), notFound()) is not an error
  const apiError = toApiError(error);
  const response = apiError.toResponse(requestId);
  // A revoked or unknown session: drop the cookie so the next page view starts afresh.
  if (apiError.code === "unauthorized:session") for (const cookie of clearedSessionCookies()) response.headers.append("Set-Cookie", cookie);
  const log = apiError.status >= 500 ? logger.error.bind(logger) : logger.info.bind(logger);
  log({ method: request.method, path: new URL(request.url).pathname, status: apiError.status, code: apiError.code }, "request refused");
  // What was gathered before the error still applies (a renewed cookie, the RateLimit headers).
  return finish(response, { requestId, responseHeaders });
}

/**
 * A JSON route: `handler` gets the parsed input and returns a value (answered as JSON, 200) or a
 * Response. Every thrown error becomes the standard error answer.
 */
export function apiRoute<A extends RouteAuth, B = undefined, P = undefined, Q = undefined>(
  spec: RouteSpec<A, B, P, Q>,
  handler: (input: RouteInput<A, B, P, Q>) => Promise<Response | object>,
): RouteHandler {
  return (request, context) => {
    const requestId = requestIdFor(request);
    return withRequestContext({ requestId }, async () => {
      const responseHeaders = new Headers();
      try {
        const input = await prepareInput(spec, request, context, requestId, responseHeaders);
        const result = await handler(input);
        return finish(result instanceof Response ? result : Response.json(result), { requestId, responseHeaders });
      } catch (error) {
        return errorAnswer(error, { request, requestId, responseHeaders });
      }
    });
  };
}

/** One Server-Sent Event. */
export type ServerSentEvent = { event: string; data: unknown; id?: string };

const encoder = new TextEncoder();
const formatEvent = ({ event, data, id }: ServerSentEvent) => encoder.encode(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * A streaming route: errors before the stream starts are ordinary JSON answers; once it has
 * started, a thrown error becomes an `error` event ({code, message}) and ends it. When the client
 * goes away the iterator is closed (`return()`), so the handler's `finally` blocks run.
 */
export function apiStreamRoute<A extends RouteAuth, B = undefined, P = undefined, Q = undefined>(
  spec: RouteSpec<A, B, P, Q>,
  handler: (input: RouteInput<A, B, P, Q>) => Promise<AsyncIterable<ServerSentEvent> | Response>,
): RouteHandler {
  return (request, context) => {
    const requestId = requestIdFor(request);
    return withRequestContext({ requestId }, async () => {
      const responseHeaders = new Headers();
      let events: AsyncIterable<ServerSentEvent>;
      try {
        const input = await prepareInput(spec, request, context, requestId, responseHeaders);
        const result = await handler(input);
        if (result instanceof Response) return finish(result, { requestId, responseHeaders });
        events = result;
      } catch (error) {
        return errorAnswer(error, { request, requestId, responseHeaders });
      }
      const iterator = events[Symbol.asyncIterator]();
      // After the client left, a pull still waiting for the next event must not touch the stream.
      let cancelled = false;
      const body = new ReadableStream<Uint8Array>({
        pull: (controller) =>
          withRequestContext({ requestId }, async () => {
            try {
              const { value, done } = await iterator.next();
              if (cancelled) return;
              if (done) controller.close();
              else controller.enqueue(formatEvent(value));
            } catch (error) {
              if (cancelled) return;
              const apiError = toApiError(error);
              controller.enqueue(formatEvent({ event: "error", data: apiError.toBody(requestId).error }));
              controller.close();
            }
          }),
        cancel: async () => {
          cancelled = true;
          await iterator.return?.();
        },
      });
      const response = new Response(body, {
        headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
      });
      return finish(response, { requestId, responseHeaders });
    });
  };
}

/** A route's exports: the given handlers, plus JSON 405s (with Allow) for every other method. */
export type RouteModule = Record<HttpMethod, RouteHandler & { allowedMethods: readonly HttpMethod[] }>;

/**
 * Every method a route file exports, so none falls through to Next's empty 405: HEAD follows GET,
 * OPTIONS answers with Allow, the rest say which methods are allowed. Use as
 * `export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: … });`
 */
export function routeMethods(handlers: Partial<Record<Exclude<HttpMethod, "HEAD" | "OPTIONS">, RouteHandler>>): RouteModule {
  const declared = Object.keys(handlers) as HttpMethod[];
  const allowed: HttpMethod[] = [...declared, ...(handlers.GET ? (["HEAD"] as const) : []), "OPTIONS"];
  const allow = allowed.join(", ");
  const notAllowed: RouteHandler = async (request) =>
    new ApiError("method_not_allowed:method", { message: `${request.method} is not allowed here. Allowed: ${allow}.`, headers: { Allow: allow } }).toResponse();
  const options: RouteHandler = async () => new Response(null, { status: 204, headers: { Allow: allow, "Cache-Control": "no-store" } });
  const all = {} as RouteModule;
  for (const method of HTTP_METHODS) {
    const handler = method === "OPTIONS" ? options : method === "HEAD" ? (handlers.GET ?? notAllowed) : (handlers[method] ?? notAllowed);
    all[method] = Object.assign((request: Request, context?: NextRouteContext) => handler(request, context), { allowedMethods: allowed });
  }
  return all;
}

/**
 * Content negotiation for a streamed answer: clients that accept `text/event-stream` get the events
 * as they come; others (older clients that read `response.json()`) get one JSON answer once the
 * events end. Either way `onAbandon` runs if the client leaves before the end.
 */
export async function streamOrJson<T extends ServerSentEvent>({
  request,
  events,
  onAbandon,
  json,
}: {
  request: Request;
  events: AsyncIterable<T>;
  onAbandon: () => void;
  json: () => Promise<object>;
}): Promise<AsyncIterable<ServerSentEvent> | Response> {
  if (request.headers.get("accept")?.includes("text/event-stream")) {
    return (async function* () {
      let ended = false;
      try {
        yield* events;
        ended = true;
      } finally {
        if (!ended) onAbandon();
      }
    })();
  }
  request.signal.addEventListener("abort", onAbandon, { once: true });
  for await (const event of events) void event; // a failure is thrown here and answered as an error
  return Response.json(await json());
}

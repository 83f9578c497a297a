import type { z } from "zod";
import { ApiError, type ErrorCode } from "./errors";

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * Reads a JSON body of at most `maxBytes`. A declared Content-Length over the limit is refused
 * before reading. With a declared length, HTTP framing makes the body exactly that long (the
 * server's parser stops there), so it is read whole; without one (chunked), bytes are counted as
 * they arrive, so the server never buffers more than the limit.
 */
export async function readJsonBody(request: Request, { maxBytes = DEFAULT_BODY_LIMIT }: { maxBytes?: number } = {}): Promise<unknown> {
  const contentType = request.headers.get("content-type");
  if (contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) throw new ApiError("unsupported_media_type:body");

  const tooLarge = () => new ApiError("payload_too_large:body", { message: `The request body is larger than ${Math.round(maxBytes / 1024)} KB.` });
  const declaredLength = request.headers.get("content-length");
  if (Number(declaredLength ?? "0") > maxBytes) throw tooLarge();
  if (!request.body) throw new ApiError("bad_request:empty_body");

  const bytes = declaredLength === null ? await readCounting(request.body, maxBytes) : Buffer.from(await request.arrayBuffer());
  // Also holds for a Request built in-process, where nothing enforces the declared length.
  if (bytes === null || bytes.byteLength > maxBytes) throw tooLarge();
  if (bytes.byteLength === 0) throw new ApiError("bad_request:empty_body");

  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    throw new ApiError("bad_request:json");
  }
}

/** The whole stream, or null as soon as it passes `maxBytes` (the rest is not read). */
async function readCounting(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}

export type ValidationIssue = { path: string; message: string };

/** Parses untrusted input; failures become one 422 listing every problem by field path. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, code: ErrorCode): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
  throw new ApiError(code, { details: { issues } });
}

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>;

/** Wraps a route handler: ApiErrors become their JSON response; anything else is logged, never shown. */
export function apiRoute<Context>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return new ApiError(isDatabaseUnavailable(error) ? "unavailable:database" : "internal:server").toResponse();
    }
  };
}

const CONNECTION_ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "53300"]);

function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause: unknown = error; cause && typeof cause === "object"; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
  }
  return false;
}

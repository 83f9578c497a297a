import "server-only";
import type { z } from "zod";
import type { ErrorCode, ValidationIssue } from "./contract";
import { ApiError } from "./errors";

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Deeper JSON than any contract uses is refused before validation walks it. */
const MAX_JSON_DEPTH = 32;

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
    throw new ApiError("bad_request:json"); // also a body nested too deep for the parser
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

/**
 * Problems no schema reports: `__proto__` keys (JSON.parse makes them own properties, which zod's
 * records skip silently) and nesting deeper than MAX_JSON_DEPTH. Iterative, so any depth is safe.
 */
function structuralIssues(input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (!value || typeof value !== "object") continue;
    if (path.length >= MAX_JSON_DEPTH) {
      issues.push({ path: path.join(".") || "(body)", message: `Nested deeper than ${MAX_JSON_DEPTH} levels.` });
      break;
    }
    for (const key of Object.keys(value)) {
      if (key === "__proto__") issues.push({ path: [...path, key].join("."), message: `Unrecognized key: "${key}"` });
      else stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}

/** Parses untrusted input; failures become one 422 listing every problem by field path. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, code: ErrorCode): z.infer<Schema> {
  const structural = structuralIssues(input);
  if (structural.length) throw new ApiError(code, { details: { issues: structural } });
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
  throw new ApiError(code, { details: { issues } });
}

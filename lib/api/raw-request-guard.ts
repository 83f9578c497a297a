import "server-only";
import http from "node:http";
import https from "node:https";
import { HTTP_METHODS, type ErrorCode } from "./contract";
import { ApiError } from "./errors";

// Requests Next.js itself cannot take: methods outside the seven it routes (TRACE, CONNECT, PROPFIND…)
// make its request adapter throw, and undecodable percent-encoding in a dynamic path segment
// (`/play/%ZZ`) fails its parameter decoding; both became empty 500s before any route code ran.
// This guard sees each request at the HTTP server, before Next, and answers those itself.

/** A path no page or route has: rewriting a broken page URL here shows the styled 404 page. */
export const NOT_FOUND_PATH = "/_taleshard/not-found";

const SUPPORTED_METHODS = new Set<string>(HTTP_METHODS);

export type GuardVerdict =
  | { kind: "pass" }
  | { kind: "answer"; status: number; headers: Record<string, string>; body: string }
  | { kind: "rewrite"; url: string };

function answer(code: ErrorCode, headers: Record<string, string> = {}): GuardVerdict {
  const error = new ApiError(code, { headers });
  return {
    kind: "answer",
    status: error.status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
    body: JSON.stringify(error.toBody()),
  };
}

function isDecodable(path: string): boolean {
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** What to do with a raw request, judged by its method and URL only. Pure, for tests. */
export function judgeRawRequest({ method, url }: { method: string; url: string }): GuardVerdict {
  if (!SUPPORTED_METHODS.has(method)) return answer("method_not_allowed:method", { allow: HTTP_METHODS.join(", ") });
  const path = url.split("?")[0] ?? "";
  if (isDecodable(path)) return { kind: "pass" };
  return path.startsWith("/api/") ? answer("bad_request:url") : { kind: "rewrite", url: NOT_FOUND_PATH };
}

/**
 * A request Node's HTTP parser itself refused (a method it does not know, like TRACK or BREW, or
 * malformed framing): by default Node answers a bare 400. Answered here in the JSON error shape.
 */
export function rawParserRefusal({ parserCode }: { parserCode: string | undefined }): string {
  const verdict = parserCode === "HPE_INVALID_METHOD" ? answer("method_not_allowed:method", { allow: HTTP_METHODS.join(", ") }) : answer("bad_request:http");
  if (verdict.kind !== "answer") throw new Error("unreachable");
  const reason = verdict.status === 405 ? "Method Not Allowed" : "Bad Request";
  const headers = Object.entries({ ...verdict.headers, "content-length": String(Buffer.byteLength(verdict.body)), connection: "close" })
    .map(([name, value]) => `${name}: ${value}`)
    .join("\r\n");
  return `HTTP/1.1 ${verdict.status} ${reason}\r\n${headers}\r\n\r\n${verdict.body}`;
}

let installed = false;

/** Puts the guard in front of every HTTP(S) server of this process (Next's own included). */
export function installRawRequestGuard(): void {
  if (installed) return;
  installed = true;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
        const verdict = judgeRawRequest({ method: request.method ?? "", url: request.url ?? "/" });
        if (verdict.kind === "answer") {
          request.resume(); // drain any body so the connection can be reused
          response.writeHead(verdict.status, verdict.headers).end(verdict.body);
          return true;
        }
        if (verdict.kind === "rewrite") request.url = verdict.url;
      }
      if (event === "clientError") {
        const [error, socket] = args as [NodeJS.ErrnoException, import("node:net").Socket];
        if (socket.writable) socket.end(rawParserRefusal({ parserCode: error.code }));
        else socket.destroy();
        return true;
      }
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof emit;
  }
}

import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { env } from "@/lib/env";

type RequestContext = { requestId: string };

const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * The one logger: JSON lines (pino) on stdout. Inside a request every line carries its
 * `request_id`, the same id the error responses and the `X-Request-Id` header show.
 */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "taleshard" },
  messageKey: "msg",
  timestamp: pino.stdTimeFunctions.isoTime,
  mixin: () => {
    const context = requestContext.getStore();
    return context ? { request_id: context.requestId } : {};
  },
  // Defence in depth: anything that looks like a credential is masked even if a caller logs it.
  redact: {
    paths: ["password", "*.password", "token", "*.token", "authorization", "*.authorization", "cookie", "*.cookie", "headers.cookie", "headers.authorization", "apiKey", "*.apiKey"],
    censor: "[redacted]",
  },
  serializers: { err: pino.stdSerializers.err },
});

/** Runs `work` with a request id that every log line inside it carries. */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return requestContext.run(context, work);
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

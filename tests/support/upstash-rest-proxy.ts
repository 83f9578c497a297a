// A local stand-in for Upstash: the Upstash REST protocol on 127.0.0.1 (random port) in front of a
// Redis server, so the real @upstash/redis client can be tested against the CI Redis.
//   POST /            body ["CMD", ...args]     → {result} | 400 {error}
//   POST /pipeline    body [["CMD", ...], ...]  → [{result} | {error}, ...]
//   POST /multi-exec  body [["CMD", ...], ...]  → [{result} | {error}, ...] | 400 {error}
// Every request needs `Authorization: Bearer <token>`; with `Upstash-Encoding: base64`, string
// results are base64-encoded, as the client asks by default. Like Upstash (unlike Redis 7.0), it
// accepts @upstash/ratelimit's `#!lua flags=allow-key-locking` scripts: it strips the line as the
// app's ioredis adapter does.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis, type ChainableCommander } from "ioredis";
import { createScriptStripper } from "@/lib/rate-limit/redis-script-adapter";

type Command = [name: string, ...args: (string | number)[]];
type Reply = { result: unknown } | { error: string };

export type UpstashRestProxy = { url: string; close(): Promise<void> };

export async function startUpstashRestProxy({ redisUrl, token }: { redisUrl: string; token: string }): Promise<UpstashRestProxy> {
  const redis = new Redis(redisUrl);
  const scripts = createScriptStripper();

  function forRedis([name, ...args]: Command): Command {
    const [scriptOrHash = "", ...rest] = args.map(String);
    switch (name.toLowerCase()) {
      case "eval":
        return [name, scripts.strip(scriptOrHash), ...rest];
      case "evalsha":
        return [name, scripts.strippedHash(scriptOrHash) ?? scriptOrHash, ...rest];
      default:
        return [name, ...args];
    }
  }

  async function replies(batch: ChainableCommander, commands: Command[]): Promise<Reply[]> {
    for (const [name, ...args] of commands.map(forRedis)) batch.call(name, ...args);
    const results = (await batch.exec()) ?? [];
    return results.map(([error, result]) => (error ? { error: error.message } : { result }));
  }

  async function handle(request: IncomingMessage): Promise<{ status: number; body: Reply | Reply[] }> {
    if (request.headers.authorization !== `Bearer ${token}`) return { status: 401, body: { error: "Unauthorized" } };
    if (request.method !== "POST") return { status: 405, body: { error: "Only POST is supported" } };
    try {
      const body = JSON.parse(await readBody(request)) as Command | Command[];
      switch (request.url) {
        case "/":
          return { status: 200, body: { result: await redis.call(...forRedis(body as Command)) } };
        case "/pipeline":
          return { status: 200, body: await replies(redis.pipeline(), body as Command[]) };
        case "/multi-exec":
          return { status: 200, body: await replies(redis.multi(), body as Command[]) };
        default:
          return { status: 404, body: { error: `Unknown path ${request.url}` } };
      }
    } catch (error) {
      return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
    }
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void handle(request).then(({ status, body }) => {
      const encoded = request.headers["upstash-encoding"] === "base64" ? encodeStrings(body) : body;
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(encoded));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      redis.disconnect();
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Base64-encodes the strings in results (not in error messages), as Upstash does on request. */
function encodeStrings(body: Reply | Reply[]): Reply | Reply[] {
  const encode = (value: unknown): unknown =>
    typeof value === "string" ? Buffer.from(value).toString("base64") : Array.isArray(value) ? value.map(encode) : value;
  const encodeReply = (reply: Reply): Reply => ("result" in reply ? { result: encode(reply.result) } : reply);
  return Array.isArray(body) ? body.map(encodeReply) : encodeReply(body);
}

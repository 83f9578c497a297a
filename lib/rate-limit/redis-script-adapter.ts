import "server-only";
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { ScriptClient } from "./types";

type RedisArgument = string | number;

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/**
 * @upstash/ratelimit's scripts start with `#!lua flags=allow-key-locking`, a flag Redis 7.0 rejects
 * ("Unexpected flag in script shebang"; Redis 6 rejects any shebang). Without that line a script runs
 * with the default flags, and Redis knows it by the stripped script's hash rather than the library's.
 */
export function createScriptStripper() {
  const strippedHashByLibraryHash = new Map<string, string>();
  return {
    /** The script Redis accepts; remembers its hash for `strippedHash`. */
    strip(script: string): string {
      const stripped = script.replace(/^#!lua[^\n]*\n/, "");
      strippedHashByLibraryHash.set(sha1(script), sha1(stripped));
      return stripped;
    },
    /** The hash Redis knows a library script by, once `strip` has seen the script. */
    strippedHash: (libraryHash: string): string | undefined => strippedHashByLibraryHash.get(libraryHash),
  };
}

/**
 * Serves @upstash/ratelimit's script calls from an ioredis client, shebang stripped. For a script not
 * seen yet it answers NOSCRIPT, so the library falls back to sending the script itself.
 */
export function createRedisScriptAdapter({ redis, firstConnection }: { redis: Redis; firstConnection?: Promise<void> }): ScriptClient {
  const scripts = createScriptStripper();
  // Only requests made before the first connection attempt settles wait for it.
  let connecting = firstConnection?.finally(() => (connecting = undefined));
  return {
    async evalsha<TArgs extends unknown[], TData = unknown>(hash: string, keys: string[], args: TArgs): Promise<TData> {
      if (connecting) await connecting;
      const strippedHash = scripts.strippedHash(hash);
      if (!strippedHash) throw new Error("NOSCRIPT this script has not been sent through the adapter yet");
      return (await redis.evalsha(strippedHash, keys.length, ...keys, ...(args as RedisArgument[]))) as TData;
    },
    async eval<TArgs extends unknown[], TData = unknown>(script: string, keys: string[], args: TArgs): Promise<TData> {
      if (connecting) await connecting;
      return (await redis.eval(scripts.strip(script), keys.length, ...keys, ...(args as RedisArgument[]))) as TData;
    },
  };
}

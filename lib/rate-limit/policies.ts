import "server-only";
import type { Env } from "@/lib/env";

export const RATE_LIMIT_POLICIES = ["save", "chat", "chat_daily", "image", "scene_art", "auth", "guest"] as const;
export type RateLimitPolicy = (typeof RATE_LIMIT_POLICIES)[number];

export type RateLimitRule = {
  /** Requests allowed per sliding window, counted per user and per IP separately. */
  limit: number;
  windowSeconds: number;
  /** A lower limit for guests, who are then counted apart from signed-in players. */
  guestLimit?: number;
};

export type RateLimitRules = Record<RateLimitPolicy, RateLimitRule>;

/** Auth attempts and guest creation come before sign-in: a user id there would be the client's choice, so only the IP counts. */
export const IP_ONLY_POLICIES: ReadonlySet<RateLimitPolicy> = new Set(["auth", "guest"]);

/** A chat message also counts toward the daily chat cap, checked in the same round trip. */
export const CHECKED_ALONG: Partial<Record<RateLimitPolicy, RateLimitPolicy>> = { chat: "chat_daily" };

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function rateLimitRulesFromEnv({ env }: { env: Env }): RateLimitRules {
  return {
    save: { limit: env.RATE_LIMIT_SAVE_PER_MINUTE, windowSeconds: MINUTE },
    chat: { limit: env.RATE_LIMIT_CHAT_PER_MINUTE, windowSeconds: MINUTE },
    chat_daily: { limit: env.RATE_LIMIT_CHAT_PLAYER_PER_DAY, guestLimit: env.RATE_LIMIT_CHAT_GUEST_PER_DAY, windowSeconds: DAY },
    image: { limit: env.RATE_LIMIT_IMAGE_PER_MINUTE, windowSeconds: MINUTE },
    scene_art: { limit: env.RATE_LIMIT_SCENE_ART_PER_MINUTE, windowSeconds: MINUTE },
    auth: { limit: env.RATE_LIMIT_AUTH_PER_MINUTE, windowSeconds: MINUTE },
    guest: { limit: env.RATE_LIMIT_GUEST_PER_HOUR, windowSeconds: HOUR },
  };
}

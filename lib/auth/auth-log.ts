import "server-only";
import { logger } from "@/lib/log";

/**
 * Auth.js's error logger. A wrong password is an answer, not a server fault: it stays out of the
 * error log. Recognized by the error's `type`, since a production build minifies class names
 * (`error.name` is then something like "m").
 */
export function logAuthError(error: Error): void {
  if ((error as { type?: unknown }).type === "CredentialsSignin") return;
  logger.error({ err: error }, "auth error");
}

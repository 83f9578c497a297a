import { safeCallbackPath } from "@/lib/auth/callback-url";

// Coming back to a sign-in page after signing in would look like the form did nothing.
const AUTH_PAGES = /^\/(signin|signup)(?:[/?#]|$)/;

/** Where to go after signing in or up: a same-site path from the query string, or undefined for "/". */
export function callbackPathFrom(value: string | string[] | undefined | null): string | undefined {
  if (typeof value !== "string") return undefined;
  const path = safeCallbackPath(value);
  return path === "/" || AUTH_PAGES.test(path) ? undefined : path;
}

/** `path` with `callbackUrl` appended when there is one. */
export function withCallbackUrl(path: string, callbackUrl: string | undefined): string {
  return callbackUrl ? `${path}?${new URLSearchParams({ callbackUrl })}` : path;
}

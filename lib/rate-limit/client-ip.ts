import "server-only";

/**
 * The client's IP, for per-IP limits: the first `x-forwarded-for` hop, else `x-real-ip`, else "unknown".
 *
 * Trusting these headers is safe only because the app always runs behind a proxy that sets them:
 * Vercel overwrites `x-forwarded-for` with the address it saw, and on the droplet the reverse proxy
 * must do the same (nginx: `proxy_set_header X-Forwarded-For $remote_addr;` — not
 * `$proxy_add_x_forwarded_for`, which keeps whatever the client sent as the first hop). Reached
 * directly, a client could name any IP and dodge the per-IP limits (the per-user ones still hold).
 */
export function clientIp({ request }: { request: Request }): string {
  const firstForwardedHop = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return firstForwardedHop || request.headers.get("x-real-ip")?.trim() || "unknown";
}

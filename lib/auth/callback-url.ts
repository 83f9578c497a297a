/**
 * Only same-site paths: a callback URL from a query string must not send people elsewhere.
 * Browsers drop tabs and newlines and treat "\" like "/", so "/\t/evil.example" or "/\evil"
 * would leave the site: any whitespace, control character or backslash is refused.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !/[\s\p{Cc}\\]/u.test(value) ? value : "/";
}

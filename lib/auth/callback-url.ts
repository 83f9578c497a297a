/**
 * Only same-site paths: a callback URL from a query string must not send people elsewhere.
 * Browsers drop tabs and newlines and treat "\" like "/", so "/\t/evil.example" or "/\evil"
 * would leave the site: any whitespace, control character or backslash is refused.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !/[\s\p{Cc}\\]/u.test(value) && isDecodable(value) ? value : "/";
}

/** A path with broken percent-encoding (`/%ZZ`) would fail wherever it is decoded next. */
function isDecodable(path: string): boolean {
  try {
    decodeURI(path);
    return true;
  } catch {
    return false;
  }
}

import { z } from "zod";

// zod 4 probes `new Function("")` to decide whether to compile object parsers; under the pages'
// CSP (no eval) that probe is blocked and reported as a violation. Parse without compiling:
// validation costs microseconds either way. Schemas shared with the browser import z from here.
z.config({ jitless: true });

export { z };

// --- Building blocks every contract uses -------------------------------------------------------
// Postgres refuses text with NUL or lone UTF-16 surrogates, and int4 columns hold 32 bits: values
// the schema let through and the database then refused became 500s. Every string or integer that
// can reach the database is built from these, so the rule is fixed in one place.

export const INT32_MAX = 2_147_483_647;

/** Any control character except tab, line feed and carriage return. */
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const ANY_CONTROL = /\p{Cc}/u;

/**
 * Text that can be stored and shown: well-formed Unicode (no lone surrogates), no NUL or other
 * control characters (line breaks and tabs only when `multiline`), at most `max` characters.
 */
export function safeText({ max, min = 0, multiline = false }: { max: number; min?: number; multiline?: boolean }) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((value) => value.isWellFormed(), "must be valid Unicode text")
    .refine((value) => !(multiline ? CONTROL_EXCEPT_WHITESPACE : ANY_CONTROL).test(value), "must not contain control characters");
}

/** A short visible label (a name, a title): safe single-line text that is not blank. */
export function displayText({ max }: { max: number }) {
  return safeText({ min: 1, max }).refine((value) => value.trim().length > 0, "must not be blank");
}

/** An integer that fits a Postgres `integer` column, within [min, max]. */
export function int32({ min = -INT32_MAX - 1, max = INT32_MAX }: { min?: number; max?: number } = {}) {
  return z.number().int().min(min).max(Math.min(max, INT32_MAX));
}

import { safeText, z } from "@/lib/zod";

// Shared by the sign-up form and the API. Length over complexity (NIST SP 800-63B), plus a
// short list of passwords every attacker tries first.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

const COMMON_PASSWORDS = new Set([
  "1234567890",
  "12345678910",
  "123456789a",
  "0123456789",
  "qwertyuiop",
  "password12",
  "password123",
  "password1234",
  "iloveyou12",
  "letmein123",
  "welcome123",
  "dragon1234",
  "monkey1234",
  "football12",
  "baseball12",
  "princess12",
  "sunshine12",
  "taleshard1",
  "taleshard123",
  "1q2w3e4r5t",
  "qwerty1234",
  "abcdefghij",
  "aaaaaaaaaa",
]);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email("Enter a valid email address."));

// Any text a keyboard can type (spaces and every script included), but no control characters.
export const passwordSchema = safeText({ max: PASSWORD_MAX })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((password) => new Set(password).size >= 4, "Use a less repetitive password.")
  .refine((password) => !COMMON_PASSWORDS.has(password.toLowerCase()), "That password is too common.");

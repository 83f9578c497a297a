// The account API's wire contract, shared by the route handlers and the browser.
import { displayText, z } from "@/lib/zod";
import { emailSchema, passwordSchema } from "./password-rules";
import { ROLES, type Role } from "./roles";

export const ACCOUNT_BODY_LIMIT = 4 * 1024;
export const SMALL_BODY_LIMIT = 1024;

export const NAME_MAX = 60;

export const signupRequestSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: displayText({ max: NAME_MAX }).transform((name) => name.trim()).optional(),
});
export type SignupRequest = z.infer<typeof signupRequestSchema>;

export const createTokenRequestSchema = z.strictObject({ name: displayText({ max: NAME_MAX }).transform((name) => name.trim()) });
export type CreateTokenRequest = z.infer<typeof createTokenRequestSchema>;

export const setRoleRequestSchema = z.strictObject({ email: emailSchema, role: z.enum(ROLES) });
export type SetRoleRequest = z.infer<typeof setRoleRequestSchema>;

export type Account = { id: string; email: string | null; name: string | null; role: Role; is_guest: boolean };

export type ApiTokenSummary = { id: string; name: string; prefix: string; created_at: string; last_used_at: string | null };
/** A just-created token: the only answer that carries the secret itself. */
export type NewApiToken = ApiTokenSummary & { token: string };

/** The `[tokenId]` segment of the token routes. */
export const tokenParamsSchema = z.strictObject({ tokenId: z.uuid() });

export const changePasswordRequestSchema = z.strictObject({
  current_password: z.string().min(1).max(256),
  new_password: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

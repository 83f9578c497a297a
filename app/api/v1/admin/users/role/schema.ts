import { z } from "zod";
import { emailSchema } from "@/lib/auth/password-rules";
import { ROLES } from "@/lib/auth/roles";

export const setRoleRequestSchema = z.strictObject({ email: emailSchema, role: z.enum(ROLES) });

export type SetRoleRequest = z.infer<typeof setRoleRequestSchema>;

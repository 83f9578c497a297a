import { z } from "zod";
import { emailSchema, passwordSchema } from "@/lib/auth/password-rules";

export const signupRequestSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1).max(60).optional(),
});

export type SignupRequest = z.infer<typeof signupRequestSchema>;

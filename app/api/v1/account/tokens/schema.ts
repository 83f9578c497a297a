import { z } from "zod";

export const createTokenRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(60) });

export type CreateTokenRequest = z.infer<typeof createTokenRequestSchema>;

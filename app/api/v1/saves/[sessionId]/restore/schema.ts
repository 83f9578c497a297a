import { z } from "zod";

export const restoreRequestSchema = z.strictObject({ snapshot_id: z.uuid() });

export type RestoreRequest = z.infer<typeof restoreRequestSchema>;

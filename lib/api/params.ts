import { sessionIdSchema } from "@/lib/game/state-schema";
import { parseInput } from "./http";

export type SessionRouteContext = { params: Promise<{ sessionId: string }> };

export async function sessionIdFrom({ params }: SessionRouteContext): Promise<string> {
  return parseInput(sessionIdSchema, (await params).sessionId, "validation:session_id");
}

import { apiRoute, parseInput, readJsonBody } from "@/lib/api/http";
import { requireUser } from "@/lib/auth/request-user";
import { clientIp, enforceRateLimit } from "@/lib/rate-limit";
import { saveGame } from "@/lib/saves/service";
import { SAVE_BODY_LIMIT, saveRequestSchema, type SaveResponse } from "./schema";

export const POST = apiRoute(async (request) => {
  const user = await requireUser(request);
  const rateLimitHeaders = await enforceRateLimit({ policy: "save", userId: user.id, ip: clientIp({ request }) });
  const body = parseInput(saveRequestSchema, await readJsonBody(request, { maxBytes: SAVE_BODY_LIMIT }), "validation:save");
  const saved = await saveGame({ ownerId: user.id, sessionId: body.session_id, state: body.state, expectedVersion: body.expected_version });
  return Response.json({ status: "saved", scene_index: saved.scene_index, version: saved.version } satisfies SaveResponse, { headers: rateLimitHeaders });
});

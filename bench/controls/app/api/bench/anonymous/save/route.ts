// Control: the save route without the session check and the rate limit (owner from a header;
// never part of the app, see bench/controls.sh).
import { apiRoute, parseInput, readJsonBody } from "@/lib/api/http";
import { SAVE_BODY_LIMIT, saveRequestSchema, type SaveResponse } from "@/app/api/v1/save/schema";
import { saveGame } from "@/lib/saves/service";

export const POST = apiRoute(async (request) => {
  const body = parseInput(saveRequestSchema, await readJsonBody(request, { maxBytes: SAVE_BODY_LIMIT }), "validation:save");
  const saved = await saveGame({ ownerId: request.headers.get("x-bench-owner") ?? "", sessionId: body.session_id, state: body.state, expectedVersion: body.expected_version });
  return Response.json({ status: "saved", scene_index: saved.scene_index, version: saved.version } satisfies SaveResponse);
});

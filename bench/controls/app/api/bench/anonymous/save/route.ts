// Control: the save route without the session check and the rate limit (owner from a header;
// never part of the app, see bench/controls.sh).
import { apiRoute } from "@/lib/api/route";
import { SAVE_BODY_LIMIT, saveRequestSchema, type SaveResponse } from "@/lib/saves/contract";
import { saveGame } from "@/lib/saves/service";

export const POST = apiRoute(
  { auth: "none", body: { schema: saveRequestSchema, maxBytes: SAVE_BODY_LIMIT, code: "validation:save" } },
  async ({ request, body }): Promise<SaveResponse> => {
    const saved = await saveGame({ ownerId: request.headers.get("x-bench-owner") ?? "", sessionId: body.session_id, state: body.state, expectedVersion: body.expected_version });
    return { status: "saved", scene_index: saved.scene_index, version: saved.version };
  },
);

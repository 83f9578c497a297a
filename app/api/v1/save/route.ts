import { apiRoute, routeMethods } from "@/lib/api/route";
import { SAVE_BODY_LIMIT, saveRequestSchema, type SaveResponse } from "@/lib/saves/contract";
import { saveGame } from "@/lib/saves/service";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  POST: apiRoute(
    { auth: "user", rateLimit: "save", body: { schema: saveRequestSchema, maxBytes: SAVE_BODY_LIMIT, code: "validation:save" } },
    async ({ user, body }): Promise<SaveResponse> => {
      const saved = await saveGame({ ownerId: user.id, sessionId: body.session_id, state: body.state, expectedVersion: body.expected_version });
      return { status: "saved", scene_index: saved.scene_index, version: saved.version };
    },
  ),
});

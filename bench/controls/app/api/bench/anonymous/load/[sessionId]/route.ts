// Control: the load route without the session check. The owner comes from a header, so this
// must never be served by the app itself (bench/controls.sh builds it into a throwaway copy).
import { apiRoute } from "@/lib/api/route";
import { NotFoundError } from "@/lib/errors";
import { sessionParamsSchema } from "@/lib/saves/contract";
import { loadGame } from "@/lib/saves/service";

export const GET = apiRoute({ auth: "none", params: { schema: sessionParamsSchema, code: "validation:session_id" } }, async ({ request, params }) => {
  const saved = await loadGame({ ownerId: request.headers.get("x-bench-owner") ?? "", sessionId: params.sessionId });
  if (!saved) throw new NotFoundError("party");
  return saved;
});

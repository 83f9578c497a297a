import { apiRoute, parseInput, readJsonBody } from "@/lib/api/http";
import { sessionIdFrom, type SessionRouteContext } from "@/lib/api/params";
import { restoreSnapshot } from "@/lib/saves/service";
import { restoreRequestSchema } from "./schema";

export const POST = apiRoute(async (request, context: SessionRouteContext) => {
  const sessionId = await sessionIdFrom(context);
  const body = parseInput(restoreRequestSchema, await readJsonBody(request, { maxBytes: 1024 }), "validation:restore");
  return Response.json(await restoreSnapshot({ sessionId, snapshotId: body.snapshot_id }));
});

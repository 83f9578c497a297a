import { apiRoute, parseInput, readJsonBody } from "@/lib/api/http";
import { sessionIdFrom, type SessionRouteContext } from "@/lib/api/params";
import { requireUser } from "@/lib/auth/request-user";
import { clientIp, enforceRateLimit } from "@/lib/rate-limit";
import { restoreSnapshot } from "@/lib/saves/service";
import { restoreRequestSchema } from "./schema";

// A rewind is a save: it counts against the same limit.
export const POST = apiRoute(async (request, context: SessionRouteContext) => {
  const user = await requireUser(request);
  const rateLimitHeaders = await enforceRateLimit({ policy: "save", userId: user.id, ip: clientIp({ request }) });
  const sessionId = await sessionIdFrom(context);
  const body = parseInput(restoreRequestSchema, await readJsonBody(request, { maxBytes: 1024 }), "validation:restore");
  return Response.json(await restoreSnapshot({ ownerId: user.id, sessionId, snapshotId: body.snapshot_id }), { headers: rateLimitHeaders });
});

import { apiRoute } from "@/lib/api/http";
import { requireUser } from "@/lib/auth/request-user";
import { listParties } from "@/lib/saves/service";

export const GET = apiRoute(async (request) => {
  const user = await requireUser(request);
  return Response.json({ parties: await listParties({ ownerId: user.id }) });
});

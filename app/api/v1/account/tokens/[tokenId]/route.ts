import { z } from "zod";
import { apiRoute, parseInput } from "@/lib/api/http";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { requireUser } from "@/lib/auth/request-user";

type TokenRouteContext = { params: Promise<{ tokenId: string }> };

export const DELETE = apiRoute(async (request, { params }: TokenRouteContext) => {
  const user = await requireUser(request);
  const tokenId = parseInput(z.uuid(), (await params).tokenId, "validation:token");
  await revokeApiToken({ userId: user.id, tokenId });
  return Response.json({ status: "revoked" });
});

import { apiRoute, routeMethods } from "@/lib/api/route";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { tokenParamsSchema } from "@/lib/auth/contract";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  DELETE: apiRoute({ auth: "user", params: { schema: tokenParamsSchema, code: "validation:token" } }, async ({ user, params }) => {
    await revokeApiToken({ userId: user.id, tokenId: params.tokenId });
    return { status: "revoked" };
  }),
});

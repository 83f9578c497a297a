import { apiRoute, routeMethods } from "@/lib/api/route";
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { createTokenRequestSchema, SMALL_BODY_LIMIT } from "@/lib/auth/contract";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: apiRoute({ auth: "account" }, async ({ user }) => ({ tokens: await listApiTokens({ userId: user.id }) })),
  POST: apiRoute(
    { auth: "account", body: { schema: createTokenRequestSchema, maxBytes: SMALL_BODY_LIMIT, code: "validation:token" } },
    async ({ user, body }) => Response.json(await createApiToken({ userId: user.id, name: body.name }), { status: 201 }),
  ),
});

import { ApiError } from "@/lib/api/errors";
import { apiRoute, parseInput, readJsonBody } from "@/lib/api/http";
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { requireUser } from "@/lib/auth/request-user";
import { createTokenRequestSchema } from "./schema";

async function requireAccount(request: Request) {
  const user = await requireUser(request);
  if (user.isGuest) throw new ApiError("forbidden:guest");
  return user;
}

export const GET = apiRoute(async (request) => {
  const user = await requireAccount(request);
  return Response.json({ tokens: await listApiTokens({ userId: user.id }) });
});

export const POST = apiRoute(async (request) => {
  const user = await requireAccount(request);
  const body = parseInput(createTokenRequestSchema, await readJsonBody(request, { maxBytes: 1024 }), "validation:token");
  return Response.json(await createApiToken({ userId: user.id, name: body.name }), { status: 201 });
});

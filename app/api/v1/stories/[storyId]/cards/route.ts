import { apiRoute, routeMethods } from "@/lib/api/route";
import { storyParamsSchema } from "@/lib/story/contract";
import { listCards } from "@/lib/story/service";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: apiRoute({ auth: "user", params: { schema: storyParamsSchema, code: "validation:story" } }, async ({ user, params: { storyId } }) => ({
    cards: await listCards({ ownerId: user.id, storyId }),
  })),
});

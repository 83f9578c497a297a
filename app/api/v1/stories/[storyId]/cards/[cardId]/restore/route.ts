import { apiRoute, routeMethods } from "@/lib/api/route";
import { cardParamsSchema } from "@/lib/story/contract";
import { restoreCard } from "@/lib/story/service";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  POST: apiRoute({ auth: "user", params: { schema: cardParamsSchema, code: "validation:card" } }, async ({ user, params: { storyId, cardId } }) => restoreCard({ ownerId: user.id, storyId, cardId })),
});

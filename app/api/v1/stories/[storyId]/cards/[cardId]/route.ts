import { apiRoute, routeMethods } from "@/lib/api/route";
import { cardParamsSchema, STORY_BODY_LIMIT, updateCardRequestSchema } from "@/lib/story/contract";
import { deleteCard, updateCard } from "@/lib/story/service";

const params = { schema: cardParamsSchema, code: "validation:card" } as const;

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  PUT: apiRoute({ auth: "user", params, body: { schema: updateCardRequestSchema, maxBytes: STORY_BODY_LIMIT, code: "validation:card" } }, async ({ user, params: { storyId, cardId }, body }) =>
    updateCard({ ownerId: user.id, storyId, cardId, change: body }),
  ),
  /** Soft delete: the card can be restored. */
  DELETE: apiRoute({ auth: "user", params }, async ({ user, params: { storyId, cardId } }) => deleteCard({ ownerId: user.id, storyId, cardId })),
});

import { apiRoute, routeMethods } from "@/lib/api/route";
import { deleteChat } from "@/lib/chat/service";
import { storyParamsSchema } from "@/lib/story/contract";
import { deleteStory, getStory } from "@/lib/story/service";

const params = { schema: storyParamsSchema, code: "validation:story" } as const;

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: apiRoute({ auth: "user", params }, async ({ user, params: { storyId } }) => getStory({ ownerId: user.id, storyId })),
  DELETE: apiRoute({ auth: "user", params }, async ({ user, params: { storyId } }) => {
    await deleteStory({ ownerId: user.id, storyId });
    await deleteChat({ ownerId: user.id, mode: "story", sessionId: storyId });
    return { status: "deleted", id: storyId };
  }),
});

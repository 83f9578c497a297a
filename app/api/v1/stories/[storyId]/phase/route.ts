import { apiRoute, routeMethods } from "@/lib/api/route";
import { recordStoryEvent } from "@/lib/chat/service";
import { phaseRequestSchema, STORY_BODY_LIMIT, storyParamsSchema } from "@/lib/story/contract";
import { changePhase } from "@/lib/story/service";

/** Next chapter, a jump to a chapter of the timeline, or the age range; the change joins the conversation. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  POST: apiRoute(
    { auth: "user", params: { schema: storyParamsSchema, code: "validation:story" }, body: { schema: phaseRequestSchema, maxBytes: STORY_BODY_LIMIT, code: "validation:phase" } },
    async ({ user, params: { storyId }, body }) => {
      const { story, change } = await changePhase({ ownerId: user.id, storyId, request: body });
      const event = change ? await recordStoryEvent({ ownerId: user.id, storyId, change }) : null;
      return { story, event };
    },
  ),
});

import { apiRoute, routeMethods } from "@/lib/api/route";
import { recordStoryEvent } from "@/lib/chat/service";
import { createStoryRequestSchema, STORY_BODY_LIMIT } from "@/lib/story/contract";
import { createStory, listStories } from "@/lib/story/service";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: apiRoute({ auth: "user" }, async ({ user }) => ({ stories: await listStories({ ownerId: user.id }) })),
  /** A new interview; its id is the session_id of its chat (mode "story"). The interviewer speaks first. */
  POST: apiRoute({ auth: "user", body: { schema: createStoryRequestSchema, maxBytes: STORY_BODY_LIMIT, code: "validation:story" } }, async ({ user, body }) => {
    const story = await createStory({ ownerId: user.id, ageRange: body.age_range, themes: body.themes });
    await recordStoryEvent({ ownerId: user.id, storyId: story.id, change: "start" });
    return Response.json(story, { status: 201 });
  }),
});

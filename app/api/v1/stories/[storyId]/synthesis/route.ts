import { apiRoute, routeMethods } from "@/lib/api/route";
import { storyTranscript } from "@/lib/chat/service";
import { storyParamsSchema } from "@/lib/story/contract";
import { getStory, saveSynthesis } from "@/lib/story/service";
import { writeSynthesis } from "@/lib/story/writing";

export const maxDuration = 90;

/** Turns the interview into a title, an essence, a timeline, key moments and 3–8 cards. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  POST: apiRoute({ auth: "user", rateLimit: "chat", params: { schema: storyParamsSchema, code: "validation:story" } }, async ({ user, params: { storyId } }) => {
    const story = await getStory({ ownerId: user.id, storyId });
    const synthesis = await writeSynthesis({ story, transcript: await storyTranscript({ ownerId: user.id, storyId }) });
    return saveSynthesis({ ownerId: user.id, storyId, synthesis });
  }),
});

import { apiRoute, routeMethods } from "@/lib/api/route";
import { storyTranscript } from "@/lib/chat/service";
import { storyParamsSchema } from "@/lib/story/contract";
import { cardsToWrite, getStory, replaceUnlockedCards } from "@/lib/story/service";
import { writeCards } from "@/lib/story/writing";

export const maxDuration = 90;

/** New cards in place of the unlocked ones; locked cards stay exactly as they are. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  POST: apiRoute({ auth: "user", rateLimit: "chat", params: { schema: storyParamsSchema, code: "validation:story" } }, async ({ user, params: { storyId } }) => {
    const story = await getStory({ ownerId: user.id, storyId });
    const { count, locked } = await cardsToWrite({ ownerId: user.id, storyId });
    const cards = await writeCards({ story, transcript: await storyTranscript({ ownerId: user.id, storyId }), count, locked });
    return { cards: await replaceUnlockedCards({ ownerId: user.id, storyId, cards }) };
  }),
});

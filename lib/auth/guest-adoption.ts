import "server-only";
import { adoptGuestChats } from "@/lib/chat/service";
import { adoptGuestParties } from "@/lib/saves/service";
import { adoptGuestStories } from "@/lib/story/service";

/**
 * A guest who signs in to an existing account brings what it made along (each domain decides
 * what wins on a clash). Signing up needs none of this: the guest becomes the account in place.
 */
export async function adoptGuestData({ guestUserId, userId }: { guestUserId: string; userId: string }): Promise<void> {
  if (guestUserId === userId) return;
  await adoptGuestParties({ guestUserId, userId });
  await adoptGuestChats({ guestUserId, userId });
  await adoptGuestStories({ guestUserId, userId });
}

import "server-only";
import { headers } from "next/headers";
import { isSessionLive } from "./session-generation";
import { readSessionClaims } from "./session-token";
import { findAccountUser, type AccountUser } from "./users";

export type CurrentUser = AccountUser & { hasPassword: boolean };

/** The signed-in user (guest or account) for server components; null without a live session. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const claims = await readSessionClaims({ headers: await headers() });
  if (!claims || !(await isSessionLive({ userId: claims.userId, generation: claims.generation }))) return null;
  return findAccountUser({ userId: claims.userId, withPasswordFlag: true });
}

import "server-only";
import { headers } from "next/headers";
import { readSessionClaims } from "./session-token";
import { findAccountUser, type AccountUser } from "./users";

export type CurrentUser = AccountUser;

/** The signed-in user (guest or account) for server components; null without a valid session. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const claims = await readSessionClaims({ headers: await headers() });
  return claims ? findAccountUser({ userId: claims.userId }) : null;
}

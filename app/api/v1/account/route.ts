import { apiRoute, routeMethods } from "@/lib/api/route";
import type { Account } from "@/lib/auth/contract";
import { findAccountUser } from "@/lib/auth/users";
import { UnauthenticatedError } from "@/lib/errors";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: apiRoute({ auth: "user" }, async ({ user: caller }): Promise<Account> => {
    const user = await findAccountUser({ userId: caller.id });
    if (!user) throw new UnauthenticatedError("session");
    return { id: user.id, email: user.email, name: user.name, role: user.role, is_guest: user.isGuest };
  }),
});

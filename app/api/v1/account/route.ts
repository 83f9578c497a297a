import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/http";
import { requireUser } from "@/lib/auth/request-user";
import { findAccountUser } from "@/lib/auth/users";

export const GET = apiRoute(async (request) => {
  const user = await findAccountUser({ userId: (await requireUser(request)).id });
  if (!user) throw new ApiError("unauthorized:session");
  return Response.json({ id: user.id, email: user.email, name: user.name, role: user.role, is_guest: user.isGuest });
});

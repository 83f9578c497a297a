import { ApiError } from "@/lib/api/errors";
import { apiRoute, parseInput, readJsonBody } from "@/lib/api/http";
import { requireUser } from "@/lib/auth/request-user";
import { setUserRole } from "@/lib/auth/users";
import { setRoleRequestSchema } from "./schema";

export const PUT = apiRoute(async (request) => {
  await requireUser(request, { role: "admin" });
  const body = parseInput(setRoleRequestSchema, await readJsonBody(request, { maxBytes: 1024 }), "validation:role");
  const user = await setUserRole(body);
  if (!user) throw new ApiError("not_found:user");
  return Response.json({ email: user.email, role: user.role });
});

import { apiRoute, routeMethods } from "@/lib/api/route";
import { setRoleRequestSchema, SMALL_BODY_LIMIT } from "@/lib/auth/contract";
import { setUserRole } from "@/lib/auth/users";
import { NotFoundError } from "@/lib/errors";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  PUT: apiRoute({ auth: "admin", body: { schema: setRoleRequestSchema, maxBytes: SMALL_BODY_LIMIT, code: "validation:role" } }, async ({ body }) => {
    const user = await setUserRole(body);
    if (!user) throw new NotFoundError("user");
    return { email: user.email, role: user.role };
  }),
});

import { apiRoute, routeMethods } from "@/lib/api/route";
import { listParties } from "@/lib/saves/service";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: apiRoute({ auth: "user" }, async ({ user }) => ({ parties: await listParties({ ownerId: user.id }) })),
});

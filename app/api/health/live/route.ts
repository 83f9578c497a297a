import { routeMethods } from "@/lib/api/route";

// Liveness: the process answers. Constant on purpose: it is also the framework-ceiling baseline in bench/.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: async () => Response.json({ status: "ok" }),
});

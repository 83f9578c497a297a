import { ApiError } from "@/lib/api/errors";

// Unknown API paths answer in the standard JSON error shape, whatever the method.
async function notFound(): Promise<Response> {
  return new ApiError("not_found:route").toResponse();
}

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };

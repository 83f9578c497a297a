import { ApiError } from "@/lib/api/errors";

// Unknown API paths answer in the standard JSON error shape instead of the HTML 404 page.
function notFound(): Response {
  return new ApiError("not_found:route").toResponse();
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };

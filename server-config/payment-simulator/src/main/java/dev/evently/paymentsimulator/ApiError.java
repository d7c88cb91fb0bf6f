package dev.evently.paymentsimulator;

/** A refusal that becomes a JSON error answer: {@code {"error": slug, "message": ...}}. */
final class ApiError extends Exception {

    private static final long serialVersionUID = 1L;

    final int status;
    final String slug;

    ApiError(int status, String slug, String message) {
        super(message, null, false, false);
        this.status = status;
        this.slug = slug;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "invalid_request", message);
    }

    static ApiError notFound(String what) {
        return new ApiError(404, "not_found", what + " not found");
    }

    Response response() {
        return Response.error(status, slug, getMessage());
    }
}

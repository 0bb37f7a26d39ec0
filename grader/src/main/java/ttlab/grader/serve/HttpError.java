package ttlab.grader.serve;

/**
 * A request that cannot be served, with the HTTP status and a message for the person who made it
 * (the API sends {@code {"error": message, "status": status}}).
 */
final class HttpError extends RuntimeException {

    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    static HttpError forbidden(String message) {
        return new HttpError(403, message);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    static HttpError conflict(String message) {
        return new HttpError(409, message);
    }
}

package ttlab.kernel.engine;

/**
 * Thrown inside notebook code when the user interrupted it or its cell ran out of time.
 *
 * <p>An {@link Error}, not an exception, so that an ordinary {@code catch (Exception e)} in
 * student code does not swallow it.
 */
public final class ExecutionStopped extends Error {

    /** What asked for the stop. */
    public enum Reason {
        INTERRUPTED("Execution interrupted"),
        TIMED_OUT("Cell timed out");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public ExecutionStopped(Reason reason) {
        // No stack trace: it is thrown from a busy loop, and it is never shown to the user.
        super(reason.message(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

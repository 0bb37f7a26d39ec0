package ttlab.grader;

import org.junit.platform.engine.TestExecutionResult;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Status and message for something that finished: a test, or a class whose set-up failed.
 * The one place that decides what counts as a failed assertion and what as an error.
 */
record Outcome(TestStatus status, String message) {

    static Outcome passed() {
        return new Outcome(TestStatus.PASSED, "");
    }

    static Outcome timedOut(Duration limit) {
        return new Outcome(TestStatus.TIMED_OUT, "timed out after " + describe(limit));
    }

    static Outcome of(TestExecutionResult result) {
        Throwable thrown = result.getThrowable().orElse(null);
        switch (result.getStatus()) {
            case SUCCESSFUL:
                return passed();
            case ABORTED:
                // An assumption that did not hold: the test did not apply, it did not fail.
                boolean said = thrown != null && thrown.getMessage() != null;
                return new Outcome(TestStatus.SKIPPED, said ? clean(thrown.getMessage()) : "aborted");
            default:
                return thrown == null ? new Outcome(TestStatus.ERROR, "failed without an exception") : ofThrown(thrown);
        }
    }

    /**
     * AssertionError covers AssertJ, JUnit's and opentest4j's AssertionFailedError, soft and
     * multiple-failure errors and a plain {@code assert}: the code ran and gave a wrong answer.
     * Anything else means the code crashed, which a student debugs differently.
     */
    static Outcome ofThrown(Throwable thrown) {
        String message = thrown.getMessage() == null ? "" : NotebookNames.readable(clean(thrown.getMessage()));
        String type = NotebookNames.readable(thrown.getClass().getName());
        if (thrown instanceof AssertionError) {
            return new Outcome(TestStatus.FAILED, message.isEmpty() ? type : message);
        }
        return new Outcome(TestStatus.ERROR, message.isEmpty() ? type : type + ": " + message);
    }

    /** AssertJ starts its messages with a newline; the alignment of the lines after it matters. */
    private static String clean(String message) {
        return message.replaceFirst("^(\\s*\\R)+", "").stripTrailing();
    }

    static String describe(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }
}

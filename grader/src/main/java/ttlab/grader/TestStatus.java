package ttlab.grader;

/** How one test ended. */
public enum TestStatus {
    /** It ran to the end without throwing. */
    PASSED,
    /** An assertion did not hold: it threw an {@link AssertionError} (AssertJ, JUnit or {@code assert}). */
    FAILED,
    /** It threw anything else: the code under test crashed, or the test itself is broken. */
    ERROR,
    /** It did not run: disabled, or an assumption did not hold. */
    SKIPPED,
    /** It ran longer than its time limit and was stopped. */
    TIMED_OUT
}

package ttlab.grader;

import java.time.Duration;
import java.util.Objects;

/**
 * How one test went.
 *
 * @param displayName what JUnit calls it; an invocation of a parameterized test is prefixed with
 *                    its method's name, e.g. {@code "squares(int) [2] 3"}
 * @param className   the test class, with JShell's wrapper prefix removed for notebook classes
 * @param methodName  the test method, or {@code ""} for a row about a whole class
 * @param status      how it ended
 * @param message     {@code ""} when it passed; the assertion message (with expected and actual)
 *                    when it failed; exception class and message for an error
 * @param duration    how long it ran
 * @param maxPoints   what it is worth (0 for a disabled test, which neither earns nor costs)
 */
public record TestResult(String displayName, String className, String methodName, TestStatus status,
                         String message, Duration duration, double maxPoints) {

    public TestResult {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(duration, "duration");
    }

    public boolean passed() {
        return status == TestStatus.PASSED;
    }

    /** All of {@link #maxPoints()} when it passed, none otherwise. */
    public double earnedPoints() {
        return passed() ? maxPoints : 0.0;
    }
}

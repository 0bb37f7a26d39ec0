package ttlab.grader;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;

import java.util.Map;

/**
 * Told when each test or test class starts and finishes on the thread that runs them, so that
 * it can stop whatever runs too long.
 */
interface TimeLimit extends AutoCloseable {

    /** No limit: tests run as long as they take. */
    TimeLimit NONE = new TimeLimit() {
        @Override
        public void started(TestIdentifier id) {
        }

        @Override
        public boolean finished(TestIdentifier id, TestExecutionResult result) {
            return false;
        }

        @Override
        public Outcome timedOut() {
            throw new IllegalStateException("nothing times out without a limit");
        }

        @Override
        public void close() {
        }
    };

    void started(TestIdentifier id);

    /**
     * Called on the same thread once {@code id} has ended with {@code result}. Returns true when
     * the limit stopped it; by then whatever was done to stop it is undone, so the next test runs
     * normally.
     */
    boolean finished(TestIdentifier id, TestExecutionResult result);

    /** JUnit configuration parameters this limit needs in the launcher's request. */
    default Map<String, String> junitConfiguration() {
        return Map.of();
    }

    /** How to report something this limit stopped. */
    Outcome timedOut();

    @Override
    void close();
}

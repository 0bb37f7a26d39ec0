package ttlab.grader;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A per-test limit for kernels that cannot stop notebook code (JJava and any kernel but
 * ttlab's): JUnit's own preemptive timeout runs each test, and each set-up or tear-down method,
 * on a thread of its own and gives up on it when the limit passes. The test is reported as timed
 * out and the tests after it run; its thread is interrupted and left behind, as such a kernel's
 * own interrupt leaves a cell's thread, so an endless loop in it keeps a core busy until the
 * kernel restarts. Only the ttlab kernel (with {@link EngineTimeLimit}) ends the loop itself.
 */
final class ThreadTimeLimit implements TimeLimit {

    private final Duration limit;

    ThreadTimeLimit(Duration limit) {
        this.limit = limit;
    }

    @Override
    public Map<String, String> junitConfiguration() {
        return Map.of(
                "junit.jupiter.execution.timeout.default", limit.toMillis() + " ms",
                "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
    }

    @Override
    public void started(TestIdentifier id) {
    }

    /** JUnit reports a preemptive timeout as a {@link TimeoutException} of its own wording. */
    @Override
    public boolean finished(TestIdentifier id, TestExecutionResult result) {
        return result.getThrowable()
                .filter(t -> t instanceof TimeoutException && String.valueOf(t.getMessage()).contains(" timed out after "))
                .isPresent();
    }

    @Override
    public Outcome timedOut() {
        return Outcome.timedOut(limit);
    }

    @Override
    public void close() {
    }
}

package ttlab.grader;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;
import ttlab.kernel.engine.ExecutionStopped;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a test that runs longer than its limit through the cell engine's stop mechanism, which
 * (unlike JUnit's own timeouts) also ends a {@code while (true) {}} in notebook code: that code
 * is instrumented to check the engine's stop flag on every loop back-edge.
 *
 * <p>The alarm is armed for whatever started last and has not finished: a test, or between
 * tests the class around them, so a class's {@code @BeforeAll} or {@code @AfterAll} gets the same
 * limit as each test. Once the stopped test has finished, the flag is lowered again so that the
 * tests after it run normally.
 */
final class EngineTimeLimit implements TimeLimit {

    private final CodeStops stops;
    private final Duration limit;
    private final ScheduledExecutorService alarms;
    private final Deque<TestIdentifier> running = new ArrayDeque<>();
    private final Set<TestIdentifier> stopped = new HashSet<>();
    private ScheduledFuture<?> alarm;

    EngineTimeLimit(CodeStops stops, Duration limit) {
        this.stops = stops;
        this.limit = limit;
        this.alarms = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ttlab-test-time-limit");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized void started(TestIdentifier id) {
        running.push(id);
        rearm();
    }

    @Override
    public synchronized boolean finished(TestIdentifier id, TestExecutionResult result) {
        running.remove(id);
        boolean hit = stopped.remove(id);
        if (hit) {
            stops.clearStop(); // lowers the flag and our interrupt, so the next test runs
        }
        rearm();
        return hit;
    }

    @Override
    public Outcome timedOut() {
        return Outcome.timedOut(limit);
    }

    @Override
    public synchronized void close() {
        alarms.shutdownNow();
    }

    private void rearm() {
        if (alarm != null) {
            alarm.cancel(false);
        }
        TestIdentifier innermost = running.peek();
        alarm = innermost == null ? null
                : alarms.schedule(() -> expire(innermost), limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void expire(TestIdentifier id) {
        if (!id.equals(running.peek())) {
            return; // it finished, or something inside it started, while this alarm was going off
        }
        stopped.add(id);
        stops.stop(ExecutionStopped.Reason.TIMED_OUT);
    }
}

package ttlab.grader;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import ttlab.kernel.engine.ExecutionStopped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Listens to a JUnit run and turns it into one {@link TestResult} per test.
 *
 * <p>Every test that was meant to run gets a result, including the ones that never started
 * because their class's set-up failed or timed out: a grade must not go up because a test
 * vanished. For the same reason a test aborted by an assumption still counts toward the
 * maximum: code under test could throw JUnit's TestAbortedException to dodge it. Only a test
 * switched off before it ran ({@code @Disabled}) is worth nothing. A parameterized test's points
 * are split across its invocations once the run is over, when their number is known.
 */
final class ResultCollector implements TestExecutionListener {

    /** A result before its points are known. */
    private record Row(String displayName, String className, String methodName, Outcome outcome,
                       Duration duration, String pointsGroup, double groupPoints) {
    }

    private final TimeLimit timeLimit;
    private final List<Row> rows = new ArrayList<>();
    /** Unique ids of everything that has a row, and of all their ancestors. */
    private final Set<String> reported = new HashSet<>();
    private final Map<String, Long> startedAt = new HashMap<>();
    private TestPlan plan;
    private ExecutionStopped.Reason foreignStop;

    ResultCollector(TimeLimit timeLimit) {
        this.timeLimit = timeLimit;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        startedAt.put(id.getUniqueId(), System.nanoTime());
        timeLimit.started(id);
    }

    /** Disabled: shown, but worth nothing, so that switching a test off costs nobody points. */
    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        add(id, new Outcome(TestStatus.SKIPPED, reason == null ? "disabled" : reason), Duration.ZERO, false);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        boolean stoppedByLimit = timeLimit.finished(id, result);
        Duration duration = Duration.ofNanos(System.nanoTime() - startedAt.getOrDefault(id.getUniqueId(), System.nanoTime()));
        if (!stoppedByLimit) {
            noticeForeignStop(result);
        }
        Outcome outcome = stoppedByLimit ? timeLimit.timedOut() : Outcome.of(result);
        if (id.isTest()) {
            add(id, outcome, duration, true);
        } else if (outcome.status() != TestStatus.PASSED) {
            containerFailed(id, outcome, duration);
        }
    }

    /** A stop that this run's time limit did not ask for: the user's interrupt, or the engine's cell timeout. */
    Optional<ExecutionStopped.Reason> foreignStop() {
        return Optional.ofNullable(foreignStop);
    }

    /** The results so far, each invocation of a parameterized test with its share of the points. */
    List<TestResult> results() {
        Map<String, Integer> groupSizes = new LinkedHashMap<>();
        for (Row row : rows) {
            groupSizes.merge(row.pointsGroup(), 1, Integer::sum);
        }
        List<TestResult> results = new ArrayList<>();
        for (Row row : rows) {
            double points = row.groupPoints() / groupSizes.get(row.pointsGroup());
            results.add(new TestResult(row.displayName(), row.className(), row.methodName(), row.outcome().status(),
                    row.outcome().message(), row.duration(), points));
        }
        return results;
    }

    private void noticeForeignStop(TestExecutionResult result) {
        for (Throwable t = result.getThrowable().orElse(null); t != null; t = t.getCause()) {
            if (t instanceof ExecutionStopped && foreignStop == null) {
                foreignStop = ((ExecutionStopped) t).reason();
            }
        }
    }

    /**
     * A class (or a parameterized method) failed as a whole. The tests in it that never ran
     * fail with it, at full points; if they all ran (an {@code @AfterAll} failed), the failure
     * is still shown, as a row worth nothing.
     */
    private void containerFailed(TestIdentifier container, Outcome outcome, Duration duration) {
        List<TestIdentifier> notRun = notRunUnder(container);
        if (notRun.isEmpty()) {
            add(container, outcome, duration, false);
            return;
        }
        for (TestIdentifier test : notRun) {
            Outcome why = test.equals(container) ? outcome
                    : new Outcome(outcome.status(), "not run: " + label(container) + ": " + outcome.message());
            add(test, why, test.equals(container) ? duration : Duration.ZERO, true);
        }
    }

    private List<TestIdentifier> notRunUnder(TestIdentifier container) {
        Set<TestIdentifier> candidates = new LinkedHashSet<>();
        candidates.add(container);
        candidates.addAll(plan.getDescendants(container));
        List<TestIdentifier> notRun = new ArrayList<>();
        for (TestIdentifier c : candidates) {
            boolean gradable = c.isTest() || isMethodContainer(c);
            if (gradable && !reported.contains(c.getUniqueId())) {
                notRun.add(c);
            }
        }
        return notRun;
    }

    private void add(TestIdentifier id, Outcome outcome, Duration duration, boolean counts) {
        TestIdentifier group = pointsGroup(id);
        double points = counts ? pointsOf(group) : 0.0;
        rows.add(new Row(label(id, group), className(id), methodName(id), outcome, duration,
                group.getUniqueId(), points));
        for (TestIdentifier i = id; i != null; i = parent(i)) {
            reported.add(i.getUniqueId());
        }
    }

    /**
     * The identifier whose {@link Points} a test shares: the outermost method-level container
     * above it (a parameterized, repeated or factory method), else the test itself.
     */
    private TestIdentifier pointsGroup(TestIdentifier id) {
        TestIdentifier group = id;
        for (TestIdentifier p = parent(id); p != null && !(p.getSource().orElse(null) instanceof ClassSource); p = parent(p)) {
            if (isMethodContainer(p)) {
                group = p;
            }
        }
        return group;
    }

    private static double pointsOf(TestIdentifier group) {
        TestSource source = group.getSource().orElse(null);
        if (source instanceof MethodSource) {
            MethodSource method = (MethodSource) source;
            return PointsLookup.pointsOf(method.getJavaClass(), method.getJavaMethod());
        }
        if (source instanceof ClassSource) {
            return PointsLookup.pointsOf(((ClassSource) source).getJavaClass(), null);
        }
        return Points.DEFAULT;
    }

    /** "squares(int) [2] 3" rather than just "[2] 3" for an invocation. */
    private String label(TestIdentifier id, TestIdentifier group) {
        String name = label(id);
        for (TestIdentifier p = id; !p.equals(group); ) {
            p = parent(p);
            name = label(p) + " " + name;
        }
        return name;
    }

    /**
     * JUnit names a class after its binary name without the package, which for a notebook class
     * is "$JShell$12$SquareTests"; the student wrote "SquareTests".
     */
    private static String label(TestIdentifier id) {
        TestSource source = id.getSource().orElse(null);
        if (source instanceof ClassSource) {
            String className = ((ClassSource) source).getClassName();
            boolean junitsDefault = id.getDisplayName().equals(className.substring(className.lastIndexOf('.') + 1));
            if (junitsDefault) { // not a @DisplayName
                String readable = NotebookNames.readable(className);
                return readable.substring(readable.lastIndexOf('.') + 1);
            }
        }
        return id.getDisplayName();
    }

    private String className(TestIdentifier id) {
        for (TestIdentifier i = id; i != null; i = parent(i)) {
            TestSource source = i.getSource().orElse(null);
            if (source instanceof MethodSource) {
                return NotebookNames.readable(((MethodSource) source).getClassName());
            }
            if (source instanceof ClassSource) {
                return NotebookNames.readable(((ClassSource) source).getClassName());
            }
        }
        return "";
    }

    private String methodName(TestIdentifier id) {
        for (TestIdentifier i = id; i != null; i = parent(i)) {
            TestSource source = i.getSource().orElse(null);
            if (source instanceof MethodSource) {
                return ((MethodSource) source).getMethodName();
            }
            if (source instanceof ClassSource) {
                return "";
            }
        }
        return "";
    }

    private static boolean isMethodContainer(TestIdentifier id) {
        return id.isContainer() && id.getSource().orElse(null) instanceof MethodSource;
    }

    private TestIdentifier parent(TestIdentifier id) {
        return plan.getParent(id).orElse(null);
    }
}

package ttlab.grader;

import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.ExecutionStopped;
import ttlab.kernel.engine.SnippetAgent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs JUnit 5 test classes, including classes declared in notebook cells, and reports each
 * test with its status, message and points.
 *
 * <p>Four ways to run: {@link #direct()} runs on the calling thread with no time limit (for test
 * classes compiled the ordinary way); {@link #onEngine} runs on a cell engine's thread under its
 * stop mechanism, where a per-test time limit stops even a busy loop in notebook code and the
 * remaining tests still run; {@link #inAgent} does the same in the process that runs a grading
 * engine's code ({@link SnippetAgent}); {@link #onOwnThreads} gives each test a thread of its own and gives
 * up on it at the limit, for notebooks on a kernel that has no such mechanism (JJava).
 *
 * <p>The launcher is configured so that nothing around it changes a grade: only the Jupiter
 * engine, no listeners or filters found on the class path, no {@code junit-platform.properties}
 * or system properties, sequential execution, and nothing printed to standard output.
 */
public final class TestRunner {

    private final CodeStops stops;
    private final Supplier<TimeLimit> limits;
    private final Launcher launcher = isolatedLauncher();

    private TestRunner(CodeStops stops, Supplier<TimeLimit> limits) {
        this.stops = stops;
        this.limits = limits;
    }

    /** Runs tests on the calling thread, each for as long as it takes. */
    public static TestRunner direct() {
        return new TestRunner(null, () -> TimeLimit.NONE);
    }

    /**
     * Runs each test on a thread of its own; one that runs longer than {@code perTestLimit} is
     * reported as {@link TestStatus#TIMED_OUT} and left behind (interrupted, but not stopped:
     * see {@link ThreadTimeLimit}), and the remaining tests still run.
     */
    public static TestRunner onOwnThreads(Duration perTestLimit) {
        requirePositive(perTestLimit);
        return new TestRunner(null, () -> new ThreadTimeLimit(perTestLimit));
    }

    /**
     * Runs tests on {@code engine}'s cell thread; a test (or a class's set-up or tear-down) that
     * runs longer than {@code perTestLimit} is stopped and reported as {@link TestStatus#TIMED_OUT}.
     * The engine's own cell time limit, if it has one, bounds the whole run. The runner may be
     * used from outside the engine (the grader) or from code in a cell (a notebook's check).
     */
    public static TestRunner onEngine(CellEngine engine, Duration perTestLimit) {
        Objects.requireNonNull(engine, "engine");
        return stoppedBy(CodeStops.of(engine), perTestLimit);
    }

    /**
     * Runs tests on the thread of {@code agent}, a process that runs a grading engine's code:
     * called from one of the agent's commands, with the same per-test limit as {@link #onEngine}.
     */
    public static TestRunner inAgent(SnippetAgent agent, Duration perTestLimit) {
        Objects.requireNonNull(agent, "agent");
        return stoppedBy(CodeStops.of(agent), perTestLimit);
    }

    private static TestRunner stoppedBy(CodeStops stops, Duration perTestLimit) {
        requirePositive(perTestLimit);
        return new TestRunner(stops, () -> new EngineTimeLimit(stops, perTestLimit));
    }

    private static void requirePositive(Duration perTestLimit) {
        if (perTestLimit.isZero() || perTestLimit.isNegative()) {
            throw new IllegalArgumentException("a per-test limit must be positive: " + perTestLimit);
        }
    }

    public TestReport run(Class<?>... testClasses) {
        return run(Arrays.asList(testClasses));
    }

    /**
     * Runs the classes in the order given and reports every test in them.
     *
     * @throws ExecutionStopped when the engine stopped the run for another reason than a test's
     *                          time limit: the user interrupted it, or the cell time limit expired
     */
    public TestReport run(List<Class<?>> testClasses) {
        DiscoveryIssues issues = new DiscoveryIssues();
        try (TimeLimit limit = limits.get()) {
            ResultCollector collector = new ResultCollector(limit);
            Supplier<Void> work = () -> {
                for (List<Class<?>> sameLoader : byClassLoader(testClasses)) {
                    execute(sameLoader, collector, issues, limit.junitConfiguration());
                }
                return null;
            };
            if (stops == null) {
                work.get();
            } else {
                stops.run(work::get);
            }
            collector.foreignStop().ifPresent(reason -> {
                throw new ExecutionStopped(reason);
            });
            return new TestReport(collector.results(), issues.issues());
        }
    }

    /**
     * JUnit loads classes it names (in {@code @MethodSource("Other#cases")}, say) and finds
     * services through the context class loader, so it must be the test class's own loader: a
     * notebook class lives in JShell's loader, which the caller's loader cannot see into.
     */
    private void execute(List<Class<?>> classes, ResultCollector collector, DiscoveryIssues issues,
                         Map<String, String> configuration) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loaderOf(classes.get(0)));
        try {
            launcher.execute(request(classes, issues, configuration), collector);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static LauncherDiscoveryRequest request(List<Class<?>> classes, DiscoveryIssues issues,
                                                    Map<String, String> configuration) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.stream().map(DiscoverySelectors::selectClass).collect(Collectors.toList()))
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(configuration)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .listeners(issues)
                .build();
    }

    private static Launcher isolatedLauncher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
    }

    /** Consecutive classes that share a loader run together, keeping the order given. */
    private static List<List<Class<?>>> byClassLoader(List<Class<?>> classes) {
        List<List<Class<?>>> runs = new ArrayList<>();
        ClassLoader current = null;
        List<Class<?>> run = null;
        for (Class<?> c : classes) {
            ClassLoader loader = loaderOf(c);
            if (run == null || loader != current) {
                run = new ArrayList<>();
                runs.add(run);
                current = loader;
            }
            run.add(c);
        }
        return runs;
    }

    private static ClassLoader loaderOf(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}

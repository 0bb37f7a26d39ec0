package ttlab.grader;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import ttlab.kernel.Notebook;
import ttlab.kernel.exercise.SavedNotebook;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code check(SquareTests.class)} in a notebook: runs the public tests of an exercise against
 * the student's current definitions and shows a table of results. Each test has a time limit,
 * so a student function that never returns is reported, not waited for.
 *
 * <p>On the ttlab kernel the tests run on the cell's thread and a test over its limit is stopped;
 * on another kernel (JJava, with the course's class-path folder) each test runs on a thread of its
 * own, which is given up at the limit: see {@link TestRunner#onOwnThreads}.
 */
public final class Check {

    /** How long one test may run in a live check. */
    public static final Duration PER_TEST_LIMIT = Duration.ofSeconds(10);

    private Check() {
    }

    /** Runs the test classes and shows their results below the cell. */
    public static void check(Class<?>... testClasses) {
        check(PER_TEST_LIMIT, testClasses);
    }

    /** As {@link #check(Class[])}, with another time limit per test. */
    public static void check(Duration perTestLimit, Class<?>... testClasses) {
        if (testClasses.length == 0) {
            throw new IllegalArgumentException("check(...) needs at least one test class, e.g. check(SquareTests.class)");
        }
        TestRunner runner = Notebook.runningEngine()
                .map(engine -> TestRunner.onEngine(engine, perTestLimit))
                .orElseGet(() -> TestRunner.onOwnThreads(perTestLimit));
        List<Class<?>> classes = Arrays.asList(testClasses);
        TestReport report = runner.run(classes);
        CheckTable table = CheckTable.of(report).withHiddenTestsNote();
        Optional<ExercisePoints> points = SavedNotebook.ofThisKernel().flatMap(notebook -> ExercisePoints.of(classes, notebook));
        if (points.isPresent()) {
            table = table.withExercisePoints(points.get());
        }
        DisplayData shown = new DisplayData(table.text());
        shown.putHTML(table.html());
        // The kernel's own display: DisplayData's display-id methods differ between JJava releases.
        BaseKernel.notebookKernel().display(shown);
    }
}

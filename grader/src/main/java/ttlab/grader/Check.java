package ttlab.grader;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import ttlab.kernel.Notebook;

import java.time.Duration;
import java.util.Arrays;

/**
 * {@code check(SquareTests.class)} in a notebook: runs the public tests of an exercise against
 * the student's current definitions and shows a table of results. Each test has a time limit,
 * so a student function that never returns is reported, not waited for.
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
        TestReport report = TestRunner.onEngine(Notebook.engine(), perTestLimit).run(Arrays.asList(testClasses));
        CheckTable table = CheckTable.of(report).withHiddenTestsNote();
        DisplayData shown = new DisplayData(table.text());
        shown.putHTML(table.html());
        Notebook.display(shown);
    }
}

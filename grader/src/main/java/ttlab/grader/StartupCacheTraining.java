package ttlab.grader;

import ttlab.kernel.StartupTraining;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import java.time.Duration;
import java.util.List;

/**
 * The training run behind the start-up cache that the kernel and the grader's workers share
 * (`./ttlab setup` runs it with -XX:ArchiveClassesAtExit, or -XX:AOTCacheOutput on JDK 25+):
 * the kernel's first seconds ({@link StartupTraining}), then what every {@code check(...)} and
 * every graded submission does next: declare a test class, run it with JUnit's launcher on the
 * cell engine, and build the table. Without it, JUnit and AssertJ (some 700 classes) would be
 * loaded and verified from their jars by every grading worker.
 */
public final class StartupCacheTraining {

    /** A test class as exercise sets write them: points, a failure with AssertJ's message, parameters, an exception. */
    static final String TEST_CLASS = """
            class TrainingTests {
                @Test @Points(1) void passes() { assertThat(Math.sqrt(4.0)).as("sqrt(4)").isCloseTo(2.0, within(1e-12)); }
                @Test void fails() { assertThat(new double[]{1, 2}).containsExactly(1, 3); }
                @ParameterizedTest @ValueSource(ints = {1, 2}) void positive(int x) { assertThat(x).isPositive(); }
                @Test void throwsClearly() {
                    assertThatThrownBy(() -> { throw new IllegalArgumentException("lengths differ"); })
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
                }
            }
            """;

    private StartupCacheTraining() {
    }

    public static void main(String[] args) throws Exception {
        StartupTraining.train(StartupCacheTraining::runTests);
        System.out.println("start-up training done");
        System.exit(0);
    }

    /** Declares {@link #TEST_CLASS}, runs it, and fails unless exactly the one failing test failed. */
    static TestReport runTests(CellEngine engine) {
        CellResult declared = engine.evaluate(TEST_CLASS, "training");
        CellResult lookup = engine.evaluate("TrainingTests.class", "training");
        if (!declared.succeeded() || !(lookup.value() instanceof Class<?> testClass)) {
            throw new IllegalStateException("training test class failed: " + declared + " / " + lookup);
        }
        TestReport report = TestRunner.onEngine(engine, Duration.ofSeconds(10)).run(List.of(testClass));
        CheckTable table = CheckTable.of(report).withHiddenTestsNote();
        table.text();
        table.html();
        if (report.testCount() != 5 || report.count(TestStatus.FAILED) != 1) {
            throw new IllegalStateException("training tests did not run as expected:\n" + table.text());
        }
        return report;
    }
}

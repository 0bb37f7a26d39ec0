package ttlab.grader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;
import ttlab.kernel.engine.ExecutionStopped;

import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test classes declared in notebook cells, compiled by JShell, run through a real cell engine
 * under a per-test time limit.
 */
class NotebookTestsTest {

    private static final Duration LIMIT = Duration.ofSeconds(1);

    private static CellEngine engine;
    private static TestRunner runner;

    @BeforeAll
    static void startEngine() {
        engine = CellEngine.builder()
                .classpath(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)))
                .build();
        runner = TestRunner.onEngine(engine, LIMIT);
        cell("int square(int x) { return x * x; }");
        cell("int spin(int x) { while (true) { } }");
        cell("import org.junit.jupiter.api.*;\n"
                + "import org.junit.jupiter.params.ParameterizedTest;\n"
                + "import org.junit.jupiter.params.provider.ValueSource;\n"
                + "import static org.assertj.core.api.Assertions.assertThat;");
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void runsATestClassDeclaredInACell() {
        cell("class SquareTests { @org.junit.jupiter.api.Test void four() {"
                + " org.assertj.core.api.Assertions.assertThat(square(2)).isEqualTo(4); } }");

        TestReport report = runner.run(testClass("SquareTests"));

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TestStatus.PASSED);
            assertThat(r.className()).isEqualTo("SquareTests");
            assertThat(r.displayName()).isEqualTo("four()");
        });
        assertThat(report.score()).isEqualTo(1.0);
    }

    @Test
    void notebookFailuresAndErrorsReadAsTheStudentWroteThem() {
        cell("class Cube extends RuntimeException { Cube(String m) { super(m); } }");
        cell("class MixedTests {\n"
                + "  @Test @ttlab.grader.Points(2) void nine() { assertThat(square(3)).isEqualTo(10); }\n"
                + "  @Test void crashes() { throw new Cube(\"no cubes here\"); }\n"
                + "}");

        TestReport report = runner.run(testClass("MixedTests"));

        TestResult nine = result(report, "nine");
        assertThat(nine.status()).isEqualTo(TestStatus.FAILED);
        assertThat(nine.message()).contains("expected: 10").contains("but was: 9");
        assertThat(nine.maxPoints()).isEqualTo(2.0);
        TestResult crashes = result(report, "crashes");
        assertThat(crashes.status()).isEqualTo(TestStatus.ERROR);
        assertThat(crashes.message()).isEqualTo("Cube: no cubes here");
        assertThat(report.maxScore()).isEqualTo(3.0);
    }

    @Test
    void aParameterizedNotebookTestGivesPartialCredit() {
        cell("class SmallSquares {\n"
                + "  @ParameterizedTest @ValueSource(ints = {0, 1, 2, 3}) @ttlab.grader.Points(4)\n"
                + "  void isBelowFive(int x) { assertThat(square(x)).isLessThan(5); }\n"
                + "}");

        TestReport report = runner.run(testClass("SmallSquares"));

        assertThat(report.results()).hasSize(4);
        assertThat(report.count(TestStatus.FAILED)).isEqualTo(1);
        assertThat(report.score()).isEqualTo(3.0);
        assertThat(report.maxScore()).isEqualTo(4.0);
    }

    @Test
    void aBusyLoopTimesOutAndTheNextTestStillRuns() {
        cell("@TestMethodOrder(MethodOrderer.OrderAnnotation.class)\n"
                + "class LoopTests {\n"
                + "  @Test @Order(1) void loops() { spin(1); }\n"
                + "  @Test @Order(2) void afterwards() { assertThat(square(3)).isEqualTo(9); }\n"
                + "}");

        long start = System.nanoTime();
        TestReport report = runner.run(testClass("LoopTests"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        TestResult loops = result(report, "loops");
        assertThat(loops.status()).isEqualTo(TestStatus.TIMED_OUT);
        assertThat(loops.message()).isEqualTo("timed out after 1 s");
        assertThat(loops.duration()).isLessThan(LIMIT.multipliedBy(2));
        assertThat(result(report, "afterwards").status()).isEqualTo(TestStatus.PASSED);
        assertThat(elapsed).isLessThan(LIMIT.multipliedBy(3));
    }

    @Test
    void loopsThatSwallowTheStopOrSleepAreStoppedToo() {
        cell("class StubbornTests {\n"
                + "  @Test void swallows() { while (true) { try { spin(2); } catch (Throwable t) { } } }\n"
                + "  @Test void sleeps() throws Exception { Thread.sleep(60_000); }\n"
                + "  @Test void fine() { assertThat(square(4)).isEqualTo(16); }\n"
                + "}");

        TestReport report = runner.run(testClass("StubbornTests"));

        assertThat(result(report, "swallows").status()).isEqualTo(TestStatus.TIMED_OUT);
        assertThat(result(report, "sleeps").status()).isEqualTo(TestStatus.TIMED_OUT);
        assertThat(result(report, "fine").status()).isEqualTo(TestStatus.PASSED);
    }

    @Test
    void aSetUpThatLoopsTimesOutItsTestsAndTheNextClassRuns() {
        cell("class StuckSetUp {\n"
                + "  @BeforeAll static void setUp() { spin(3); }\n"
                + "  @Test void never() { }\n"
                + "}");
        cell("class AfterStuck { @Test void runs() { assertThat(square(5)).isEqualTo(25); } }");

        TestReport report = runner.run(testClass("StuckSetUp"), testClass("AfterStuck"));

        TestResult never = result(report, "never");
        assertThat(never.status()).isEqualTo(TestStatus.TIMED_OUT);
        assertThat(never.message()).isEqualTo("not run: StuckSetUp: timed out after 1 s");
        assertThat(never.maxPoints()).isEqualTo(1.0);
        assertThat(result(report, "runs").status()).isEqualTo(TestStatus.PASSED);
    }

    @Test
    void theNotebookWorksNormallyAfterATimeout() {
        cell("class OneLoop { @Test void loops() { spin(4); } }");
        runner.run(testClass("OneLoop"));

        CellResult after = engine.evaluate("square(6)", "after");

        assertThat(after.succeeded()).as(after.toString()).isTrue();
        assertThat(after.value()).isEqualTo(36);
    }

    @Test
    void aCellCanRunTestsItselfUnderTheSameTimeLimit() {
        RunnerForCells.runner = runner;
        cell("@TestMethodOrder(MethodOrderer.OrderAnnotation.class)\n"
                + "class FromACell {\n"
                + "  @Test @Order(1) void loops() { spin(7); }\n"
                + "  @Test @Order(2) void afterwards() { assertThat(square(2)).isEqualTo(4); }\n"
                + "}");

        CellResult checked = engine.evaluate("var report = ttlab.grader.RunnerForCells.runner.run(FromACell.class);\n"
                + "report.results().get(0).status() + \" \" + report.results().get(1).status()", "In[1]");

        assertThat(checked.succeeded()).as(checked.toString()).isTrue();
        assertThat(checked.value()).isEqualTo("TIMED_OUT PASSED");
        assertThat(engine.evaluate("square(7)", "In[2]").value()).isEqualTo(49);
    }

    @Test
    void aUserInterruptStopsTheWholeRun() throws Exception {
        cell("class Interrupted {\n"
                + "  @Test void first() { spin(5); }\n"
                + "  @Test void second() { spin(6); }\n"
                + "}");
        TestRunner patient = TestRunner.onEngine(engine, Duration.ofSeconds(30));
        Class<?> tests = testClass("Interrupted");
        CompletableFuture<TestReport> running = CompletableFuture.supplyAsync(() -> patient.run(tests));
        Thread.sleep(300);

        engine.interrupt();

        ExecutionException stopped = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> running.get(5, TimeUnit.SECONDS));
        assertThat(stopped.getCause()).isInstanceOf(ExecutionStopped.class);
        assertThat(((ExecutionStopped) stopped.getCause()).reason()).isEqualTo(ExecutionStopped.Reason.INTERRUPTED);
    }

    private static void cell(String source) {
        CellResult result = engine.evaluate(source, "test cell");
        assertThat(result.succeeded()).as("%s\n%s", source, result).isTrue();
    }

    private static Class<?> testClass(String name) {
        CellResult result = engine.evaluate(name + ".class", "test cell");
        assertThat(result.value()).as(result.toString()).isInstanceOf(Class.class);
        return (Class<?>) result.value();
    }

    private static TestResult result(TestReport report, String method) {
        return report.results().stream().filter(r -> r.methodName().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + method + " in " + report));
    }
}

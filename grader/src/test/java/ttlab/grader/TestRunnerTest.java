package ttlab.grader;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The runner on test classes compiled the ordinary way, run on the calling thread. */
class TestRunnerTest {

    private final TestRunner runner = TestRunner.direct();

    @Test
    void reportsEachTestWithItsStatusAndMessage() {
        TestReport report = runner.run(SampleTestClasses.OneOfEach.class);

        assertThat(report.results()).extracting(TestResult::methodName).containsExactly(
                "passes", "failsAnAssertJAssertion", "throwsAnException", "isDisabled",
                "assumesSomethingFalse", "failsAJUnitAssertion");
        assertThat(report.results()).extracting(TestResult::status).containsExactly(
                TestStatus.PASSED, TestStatus.FAILED, TestStatus.ERROR, TestStatus.SKIPPED,
                TestStatus.SKIPPED, TestStatus.FAILED);
        assertThat(result(report, "passes").message()).isEmpty();
        assertThat(result(report, "passes").displayName()).isEqualTo("passes()");
        assertThat(result(report, "passes").className()).isEqualTo(SampleTestClasses.OneOfEach.class.getName());
    }

    @Test
    void anAssertJFailureKeepsItsDescriptionExpectedAndActual() {
        String message = result(runner.run(SampleTestClasses.OneOfEach.class), "failsAnAssertJAssertion").message();

        assertThat(message).startsWith("[two plus two]").contains("expected: 5").contains("but was: 4");
    }

    @Test
    void aJUnitAssertionIsAFailureToo() {
        TestResult r = result(runner.run(SampleTestClasses.OneOfEach.class), "failsAJUnitAssertion");

        assertThat(r.status()).isEqualTo(TestStatus.FAILED);
        assertThat(r.message()).contains("expected: <4> but was: <5>");
    }

    @Test
    void anyOtherExceptionIsAnErrorNamedByItsClass() {
        TestResult r = result(runner.run(SampleTestClasses.OneOfEach.class), "throwsAnException");

        assertThat(r.status()).isEqualTo(TestStatus.ERROR);
        assertThat(r.message()).isEqualTo("java.lang.NumberFormatException: For input string: \"four\"");
    }

    @Test
    void aDisabledTestIsWorthNothingButAnAbortedOneStillCounts() {
        TestReport report = runner.run(SampleTestClasses.OneOfEach.class);

        TestResult disabled = result(report, "isDisabled");
        assertThat(disabled.message()).isEqualTo("not ready yet");
        assertThat(disabled.maxPoints()).isZero();
        TestResult aborted = result(report, "assumesSomethingFalse");
        assertThat(aborted.message()).isEqualTo("Assumption failed: needs a GPU");
        assertThat(aborted.maxPoints()).isEqualTo(1.0);
        assertThat(report.score()).isEqualTo(1.0);
        assertThat(report.maxScore()).isEqualTo(5.0);
        assertThat(report.passedCount()).isEqualTo(1);
        assertThat(report.testCount()).isEqualTo(6);
    }

    @Test
    void eachParameterizedCaseEarnsItsShareOfTheMethodsPoints() {
        TestReport report = runner.run(SampleTestClasses.PartialCredit.class);

        assertThat(report.results()).hasSize(4);
        assertThat(report.results()).extracting(TestResult::maxPoints).containsOnly(1.0);
        assertThat(report.results()).extracting(TestResult::displayName)
                .containsExactly("isBelowFour(int) [1] 1", "isBelowFour(int) [2] 2",
                        "isBelowFour(int) [3] 3", "isBelowFour(int) [4] 4");
        assertThat(report.results()).extracting(TestResult::status).containsExactly(
                TestStatus.PASSED, TestStatus.PASSED, TestStatus.PASSED, TestStatus.FAILED);
        assertThat(report.results().get(3).message()).contains("4").contains("less than").contains("4");
        assertThat(report.score()).isEqualTo(3.0);
        assertThat(report.maxScore()).isEqualTo(4.0);
    }

    @Test
    void pointsOnAClassApplyToEachOfItsTestsThatSaysNothing() {
        TestReport report = runner.run(SampleTestClasses.PointsOnTheClass.class);

        assertThat(result(report, "worthTheClassPoints").maxPoints()).isEqualTo(2.0);
        assertThat(result(report, "worthItsOwnPoints").maxPoints()).isEqualTo(0.5);
        assertThat(report.results()).filteredOn(r -> r.methodName().equals("repeatedSharesTheClassPoints"))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.maxPoints()).isCloseTo(2.0 / 3, within(1e-12)));
        assertThat(report.maxScore()).isEqualTo(4.5);
        assertThat(report.score()).isEqualTo(4.5);
    }

    @Test
    void testsThatNeverRanBecauseTheirClassFailedStillCostTheirPoints() {
        TestReport report = runner.run(SampleTestClasses.BrokenSetUp.class);

        assertThat(report.results()).extracting(TestResult::methodName).containsExactlyInAnyOrder("first", "second");
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(TestStatus.ERROR);
            assertThat(r.message()).isEqualTo("not run: SampleTestClasses$BrokenSetUp: java.lang.IllegalStateException: no data file");
        });
        assertThat(report.maxScore()).isEqualTo(4.0);
        assertThat(report.score()).isZero();
    }

    @Test
    void aTearDownThatFailsAfterItsTestsRanIsShownButCostsNothing() {
        TestReport report = runner.run(SampleTestClasses.BrokenTearDown.class);

        assertThat(report.results()).hasSize(2);
        assertThat(report.results().get(0).status()).isEqualTo(TestStatus.PASSED);
        TestResult tearDown = report.results().get(1);
        assertThat(tearDown.status()).isEqualTo(TestStatus.ERROR);
        assertThat(tearDown.displayName()).isEqualTo("SampleTestClasses$BrokenTearDown");
        assertThat(tearDown.methodName()).isEmpty();
        assertThat(tearDown.message()).contains("could not delete the scratch folder");
        assertThat(tearDown.maxPoints()).isZero();
        assertThat(report.score()).isEqualTo(report.maxScore()).isEqualTo(1.0);
    }

    @Test
    void runsSeveralClassesInTheOrderGiven() {
        TestReport report = runner.run(SampleTestClasses.Quiet.class, SampleTestClasses.PartialCredit.class);

        assertThat(report.results()).extracting(TestResult::className).containsSubsequence(
                SampleTestClasses.Quiet.class.getName(), SampleTestClasses.PartialCredit.class.getName());
        assertThat(report.testCount()).isEqualTo(6);
    }

    @Test
    void theLauncherPrintsNothing() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            runner.run(SampleTestClasses.OneOfEach.class, SampleTestClasses.BrokenSetUp.class);
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void whatJUnitCouldNotRunIsReported() {
        TestReport report = runner.run(SampleTestClasses.ReturnsAValue.class);

        assertThat(report.results()).extracting(TestResult::methodName).containsExactly("runs");
        assertThat(report.discoveryIssues()).singleElement().asString()
                .startsWith("WARNING: ").contains("isNotATest").contains("must not return a value");
    }

    @Test
    void theReportCannotBeChanged() {
        TestReport report = runner.run(SampleTestClasses.Quiet.class);

        assertThat(report.results()).isUnmodifiable();
        assertThat(report.discoveryIssues()).isUnmodifiable();
    }

    @Test
    void nothingToRunIsAnEmptyReport() {
        TestReport report = runner.run(List.of());

        assertThat(report.testCount()).isZero();
        assertThat(report.maxScore()).isZero();
    }

    private static TestResult result(TestReport report, String method) {
        return report.results().stream().filter(r -> r.methodName().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + method + " in " + report));
    }
}

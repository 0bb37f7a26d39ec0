package ttlab.grader;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckTableTest {

    private static final TestReport REPORT = new TestReport(List.of(
            result("four()", TestStatus.PASSED, "", 1),
            result("nine()", TestStatus.FAILED, "expected: 10\n but was: 9", 2),
            result("tags()", TestStatus.ERROR, "java.lang.IllegalStateException: <b>bold</b> & \"quoted\"", 1),
            result("loops()", TestStatus.TIMED_OUT, "timed out after 2 s", 0.5),
            result("later()", TestStatus.SKIPPED, "not ready yet", 0)), List.of());

    @Test
    void theHeaderCountsTestsAndPoints() {
        assertThat(CheckTable.of(REPORT).header()).isEqualTo("1 of 5 tests passed, 1 / 4.5 points");
    }

    @Test
    void htmlHasARowPerTestWithColoredStatusAndPoints() {
        String html = CheckTable.of(REPORT).html();

        assertThat(html).contains("<strong>1 of 5 tests passed, 1 / 4.5 points</strong>");
        assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + 5); // before, the header row, the tests
        assertThat(html).contains("<td>0 / 2</td><td style=\"color:#cf222e;font-weight:bold\">FAILED</td>");
        assertThat(html).contains("<td>1 / 1</td><td style=\"color:#1a7f37;font-weight:bold\">PASSED</td>");
        assertThat(html).contains("TIMED_OUT").contains("SKIPPED");
    }

    @Test
    void htmlKeepsExpectedAndActualAlignedInPre() {
        assertThat(CheckTable.of(REPORT).html()).contains("<pre style=\"margin:0\">expected: 10\n but was: 9</pre>");
    }

    @Test
    void htmlEscapesMessages() {
        String html = CheckTable.of(REPORT).html();

        assertThat(html).contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;").doesNotContain("<b>bold");
    }

    @Test
    void theHiddenTestsNoteAppearsOnlyWhenAskedFor() {
        String note = "Hidden tests also exist and were not run here.";

        assertThat(CheckTable.of(REPORT).html()).doesNotContain(note);
        assertThat(CheckTable.of(REPORT).text()).doesNotContain(note);
        assertThat(CheckTable.of(REPORT).withHiddenTestsNote().html()).contains(note);
        assertThat(CheckTable.of(REPORT).withHiddenTestsNote().text()).endsWith(note + "\n");
    }

    @Test
    void theHeaderSaysWhatTheExerciseIsWorthAndHowMuchOfItIsHidden() {
        ExercisePoints dot = new ExercisePoints(List.of("warmup.dot"), new java.math.BigDecimal("6"),
                new java.math.BigDecimal("1.5"));
        CheckTable table = CheckTable.of(REPORT).withHiddenTestsNote().withExercisePoints(dot);

        assertThat(table.header()).isEqualTo("1 of 5 tests passed, 1 / 4.5 points"
                + " (warmup.dot: 6 points, 1.5 of them in hidden tests that run only at grading)");
        assertThat(table.text()).startsWith(table.header() + "\n").doesNotContain("Hidden tests also exist");
        assertThat(table.html()).contains("<strong>" + table.header() + "</strong>");
    }

    @Test
    void severalExercisesAreCountedAndNoHiddenPointsAreSaidSo() {
        ExercisePoints two = new ExercisePoints(List.of("a.one", "a.two"), new java.math.BigDecimal("4.5"),
                java.math.BigDecimal.ZERO);

        assertThat(CheckTable.of(REPORT).withExercisePoints(two).header())
                .endsWith("(2 exercises: 4.5 points, no hidden tests)");
    }

    @Test
    void textPutsTheHeaderFirstAndIndentsMessages() {
        String text = CheckTable.of(REPORT).text();

        assertThat(text.lines()).first().isEqualTo("1 of 5 tests passed, 1 / 4.5 points");
        assertThat(text).contains("  PASSED     1 / 1    four()\n");
        assertThat(text).contains("  FAILED     0 / 2    nine()\n");
        String indent = " ".repeat("  FAILED     0 / 2    ".length() + 2);
        assertThat(text).contains("nine()\n" + indent + "expected: 10\n" + indent + " but was: 9\n");
    }

    @Test
    void pointsShowAtMostTwoDecimals() {
        assertThat(CheckTable.points(3.0)).isEqualTo("3");
        assertThat(CheckTable.points(0.5)).isEqualTo("0.5");
        assertThat(CheckTable.points(2.0 / 3)).isEqualTo("0.67");
        assertThat(CheckTable.points(0)).isEqualTo("0");
    }

    @Test
    void testsFromSeveralClassesAreNamedWithTheirClass() {
        TestReport report = TestRunner.direct().run(SampleTestClasses.Quiet.class, SampleTestClasses.PartialCredit.class);

        String text = CheckTable.of(report).text();

        assertThat(text).startsWith("4 of 6 tests passed, 4 / 6 points\n");
        assertThat(text).contains("Quiet > passes()").contains("PartialCredit > isBelowFour(int) [4] 4");
        assertThat(text).contains("expected: \"loud\"").contains("but was: \"quiet\"");
    }

    private static TestResult result(String name, TestStatus status, String message, double points) {
        return new TestResult(name, "Tests", name.replace("()", ""), status, message, Duration.ofMillis(3), points);
    }
}

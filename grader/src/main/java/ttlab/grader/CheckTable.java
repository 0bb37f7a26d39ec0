package ttlab.grader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

import static ttlab.kernel.display.HtmlEscape.escape;

/**
 * Shows a {@link TestReport} to a student: a header "N of M tests passed, X / Y points" (with,
 * when known, what the exercise is worth in all and how much of it hidden tests carry), then
 * one row per test with its points, status and message, as an HTML table for the notebook or
 * as plain text for a terminal or log.
 */
public final class CheckTable {

    static final String HIDDEN_TESTS_NOTE = "Hidden tests also exist and were not run here.";

    private static final Map<TestStatus, String> COLORS = Map.of(
            TestStatus.PASSED, "#1a7f37",
            TestStatus.FAILED, "#cf222e",
            TestStatus.ERROR, "#a40e26",
            TestStatus.TIMED_OUT, "#9a6700",
            TestStatus.SKIPPED, "#6e7781");

    private final TestReport report;
    private final boolean hiddenTestsNote;
    private final ExercisePoints exercisePoints;

    private CheckTable(TestReport report, boolean hiddenTestsNote, ExercisePoints exercisePoints) {
        this.report = report;
        this.hiddenTestsNote = hiddenTestsNote;
        this.exercisePoints = exercisePoints;
    }

    public static CheckTable of(TestReport report) {
        return new CheckTable(report, false, null);
    }

    /** The same table, ending with a note that the grade will also count tests not shown here. */
    public CheckTable withHiddenTestsNote() {
        return new CheckTable(report, true, exercisePoints);
    }

    /**
     * The same table, its header also saying what the exercises are worth and how many of those
     * points are in hidden tests; that says more than the general note, which it replaces.
     */
    public CheckTable withExercisePoints(ExercisePoints points) {
        return new CheckTable(report, hiddenTestsNote, points);
    }

    public String header() {
        String header = String.format(Locale.ROOT, "%d of %d tests passed, %s / %s points", report.passedCount(),
                report.testCount(), points(report.score()), points(report.maxScore()));
        return exercisePoints == null ? header : header + " (" + exercisePoints.describe() + ")";
    }

    private boolean showsHiddenTestsNote() {
        return hiddenTestsNote && exercisePoints == null;
    }

    public String html() {
        StringBuilder html = new StringBuilder("<div class=\"ttlab-check\">\n");
        html.append("<p><strong>").append(escape(header())).append("</strong></p>\n");
        html.append("<table>\n<thead><tr><th style=\"text-align:left\">test</th><th>points</th><th>status</th>"
                + "<th style=\"text-align:left\">message</th></tr></thead>\n<tbody>\n");
        for (TestResult r : report.results()) {
            html.append("<tr><td style=\"text-align:left\" title=\"").append(escape(origin(r))).append("\">")
                    .append(escape(testName(r))).append("</td>")
                    .append("<td>").append(escape(pointsOf(r))).append("</td>")
                    .append("<td style=\"color:").append(COLORS.get(r.status())).append(";font-weight:bold\">")
                    .append(r.status()).append("</td>")
                    .append("<td style=\"text-align:left\">");
            if (!r.message().isEmpty()) {
                // <pre> keeps AssertJ's "expected:" and " but was:" lined up.
                html.append("<pre style=\"margin:0\">").append(escape(r.message())).append("</pre>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        for (String issue : report.discoveryIssues()) {
            html.append("<p style=\"color:").append(COLORS.get(TestStatus.ERROR)).append("\">")
                    .append(escape(issue)).append("</p>\n");
        }
        if (showsHiddenTestsNote()) {
            html.append("<p><em>").append(HIDDEN_TESTS_NOTE).append("</em></p>\n");
        }
        return html.append("</div>\n").toString();
    }

    public String text() {
        StringBuilder text = new StringBuilder(header()).append('\n');
        int pointsWidth = report.results().stream().mapToInt(r -> pointsOf(r).length()).max().orElse(0);
        for (TestResult r : report.results()) {
            String lead = String.format(Locale.ROOT, "  %-9s  %-" + Math.max(pointsWidth, 1) + "s  ", r.status(), pointsOf(r));
            text.append(lead).append(testName(r)).append('\n');
            String indent = " ".repeat(lead.length() + 2);
            for (String line : r.message().lines().toArray(String[]::new)) {
                text.append(indent).append(line).append('\n');
            }
        }
        for (String issue : report.discoveryIssues()) {
            text.append(issue).append('\n');
        }
        if (showsHiddenTestsNote()) {
            text.append(HIDDEN_TESTS_NOTE).append('\n');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    /** With tests from several classes, say which class each comes from. */
    private String testName(TestResult r) {
        boolean severalClasses = report.results().stream().map(TestResult::className).distinct().count() > 1;
        return severalClasses && !r.className().isEmpty() ? simpleName(r.className()) + " > " + r.displayName() : r.displayName();
    }

    private static String origin(TestResult r) {
        return r.methodName().isEmpty() ? r.className() : r.className() + "#" + r.methodName();
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    private static String pointsOf(TestResult r) {
        return points(r.earnedPoints()) + " / " + points(r.maxPoints());
    }

    /** At most two decimals, no trailing zeros: "3", "0.5", "0.33". */
    static String points(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}

package ttlab.grader.report;

import ttlab.grader.report.GradingResult.ApiFlag;
import ttlab.grader.report.GradingResult.TestCase;
import ttlab.kernel.display.HtmlEscape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The feedback page of one submission: a single HTML file that opens anywhere, offline, with its
 * CSS inline and no scripts. Every piece of text is escaped, since test names and messages quote
 * whatever the student's code produced.
 *
 * <p>A student must not learn what hidden tests check: on the student's page a test that is not
 * {@code "visible"} shows only its result and points. {@code showHidden} is the instructor's view,
 * with every test's name and output.
 */
public final class FeedbackPage {

    /** The file name written in each submission's folder. */
    public static final String FILE_NAME = "feedback.html";

    private static final String CSS = """
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328;
                   max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 1.6rem; margin-bottom: .2rem; }
            h2 { font-size: 1.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
            h3 { font-size: 1rem; margin: 0; font-weight: 600; }
            .total { font-size: 1.3rem; margin: .2rem 0; }
            .meta, .muted { color: #59636e; }
            .view { background: #fff8c5; border: 1px solid #d4a72c; padding: .4rem .6rem; border-radius: 6px; }
            table { border-collapse: collapse; }
            th, td { text-align: left; padding: .25rem .8rem .25rem 0; vertical-align: top; }
            .num { text-align: right; white-space: nowrap; }
            .bar { width: 12rem; height: .8rem; background: #eaeef2; border-radius: 4px; overflow: hidden; margin-top: .3rem; }
            .bar span { display: block; height: 100%; background: #2da44e; }
            .test { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .8rem; margin: .6rem 0; }
            .points { float: right; font-weight: normal; white-space: nowrap; }
            .badge { display: inline-block; min-width: 5.5rem; text-align: center; border-radius: 1rem;
                     padding: 0 .5rem; margin-right: .4rem; font-size: .85rem; color: #fff; }
            .passed { background: #1a7f37; }
            .failed { background: #cf222e; }
            .error { background: #8250df; }
            .timed-out { background: #bc4c00; }
            .skipped, .not-run { background: #6e7781; }
            pre { background: #f6f8fa; padding: .6rem; border-radius: 6px; overflow-x: auto;
                  white-space: pre; font: 13px/1.4 ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
            .expected { color: #1a7f37; }
            .actual { color: #cf222e; }
            td pre { margin: 0; padding: .2rem .4rem; }
            code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
            """;

    private final boolean showHidden;

    /** @param showHidden whether hidden tests show their names and output (the instructor's view) */
    public FeedbackPage(boolean showHidden) {
        this.showHidden = showHidden;
    }

    /** Writes the page as {@code folder/feedback.html}, in UTF-8, and returns its path. */
    public Path write(GradingResult result, Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        Files.writeString(file, render(result), StandardCharsets.UTF_8);
        return file;
    }

    /** The page's HTML. The same result always gives the same text. */
    public String render(GradingResult result) {
        StringBuilder html = new StringBuilder(4096);
        String submission = HtmlEscape.escape(result.submission());
        String total = result.total().toString() + " points";
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(submission).append(": ").append(total).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(html, result, total);
        if (!result.output().isBlank()) {
            html.append("<section>\n<h2>Summary</h2>\n<pre>").append(output(result.output())).append("</pre>\n</section>\n");
        }
        exercises(html, result.exerciseScores());
        problems(html, result);
        tests(html, result);
        apiFlags(html, result);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private void header(StringBuilder html, GradingResult result, String total) {
        html.append("<header>\n<h1>Feedback for ").append(HtmlEscape.escape(result.submission())).append("</h1>\n")
                .append("<p class=\"total\"><strong>").append(total).append("</strong>");
        result.total().percent().ifPresent(p -> html.append(" (").append(Score.format(p)).append("%)"));
        html.append("</p>\n");
        StringBuilder meta = new StringBuilder();
        if (!result.master().isEmpty()) {
            meta.append("Notebook <code>").append(HtmlEscape.escape(GradingResult.fileNameOf(result.master()))).append("</code>");
        }
        result.executionTime().ifPresent(t -> meta.append(meta.length() > 0 ? " · " : "")
                .append("graded in ").append(Score.format(Score.round(t, 1))).append(" s"));
        if (showHidden) {
            result.networkIsolation().ifPresent(on -> meta.append(meta.length() > 0 ? " · " : "")
                    .append("network isolation ").append(on ? "on" : "OFF"));
        }
        if (meta.length() > 0) {
            html.append("<p class=\"meta\">").append(meta).append("</p>\n");
        }
        if (showHidden) {
            html.append("<p class=\"view\">Instructor's view: hidden tests are shown with their names and output.</p>\n");
        }
        html.append("</header>\n");
    }

    private static void exercises(StringBuilder html, Map<String, Score> scores) {
        if (scores.isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>Exercises</h2>\n<table>\n<thead><tr><th>Exercise</th><th class=\"num\">Points</th><th></th></tr></thead>\n<tbody>\n");
        scores.forEach((exercise, score) -> {
            html.append("<tr><td>").append(HtmlEscape.escape(exercise)).append("</td><td class=\"num\">")
                    .append(score).append("</td><td>");
            // The width is a number this class computed, never text from the file.
            score.percent().ifPresent(p -> html.append("<div class=\"bar\" title=\"").append(Score.format(p))
                    .append("%\"><span style=\"width:").append(Score.format(Math.max(0, Math.min(100, p))))
                    .append("%\"></span></div>"));
            html.append("</td></tr>\n");
        });
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void problems(StringBuilder html, GradingResult result) {
        if (result.problems().isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>Problems with the notebook</h2>\n<ul>\n");
        for (String problem : result.problems()) {
            html.append("<li>").append(HtmlEscape.escape(problem)).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private void tests(StringBuilder html, GradingResult result) {
        if (result.tests().isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>Tests</h2>\n");
        for (TestCase test : result.tests()) {
            boolean hidden = test.hiddenFromStudents();
            String label = test.outcome().label();
            html.append("<div class=\"test\">\n<h3><span class=\"badge ").append(cssClass(test.outcome())).append("\">")
                    .append(label).append("</span> ");
            if (hidden && !showHidden) {
                html.append("hidden test: ").append(label)
                        .append(" <span class=\"muted\">(").append(HtmlEscape.escape(test.exercise())).append(")</span>");
            } else {
                html.append(HtmlEscape.escape(test.name()));
                if (hidden) {
                    html.append(" <span class=\"muted\">(").append(HtmlEscape.escape(test.visibility())).append(")</span>");
                }
            }
            html.append("<span class=\"points\">").append(test.points()).append("</span></h3>\n");
            if ((!hidden || showHidden) && !test.output().isBlank()) {
                html.append("<pre>").append(output(test.output())).append("</pre>\n");
            }
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private static void apiFlags(StringBuilder html, GradingResult result) {
        if (result.apiFlags().isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>APIs the exercises do not allow</h2>\n<table>\n")
                .append("<thead><tr><th>Cell</th><th class=\"num\">Line</th><th>API</th><th>Code</th></tr></thead>\n<tbody>\n");
        for (ApiFlag flag : result.apiFlags()) {
            html.append("<tr><td><code>").append(HtmlEscape.escape(flag.cell())).append("</code></td><td class=\"num\">")
                    .append(flag.line() > 0 ? Integer.toString(flag.line()) : "")
                    .append("</td><td><code>").append(HtmlEscape.escape(flag.api()))
                    .append("</code></td><td><pre>").append(HtmlEscape.escape(flag.code())).append("</pre></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    /**
     * A test's output, escaped, with AssertJ's {@code expected:} and {@code but was:} lines
     * coloured. The lines stay exactly as they were: AssertJ aligns the two values under each
     * other, and that alignment is what makes a difference easy to spot.
     */
    static String output(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        String[] lines = trimBlankLines(text).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String start = line.stripLeading().toLowerCase(Locale.ROOT);
            String kind = start.startsWith("expected:") ? "expected"
                    : start.startsWith("but was:") || start.startsWith("actual:") ? "actual" : null;
            if (i > 0) {
                out.append('\n');
            }
            if (kind == null) {
                out.append(HtmlEscape.escape(line));
            } else {
                out.append("<span class=\"").append(kind).append("\">").append(HtmlEscape.escape(line)).append("</span>");
            }
        }
        return out.toString();
    }

    /** Blank lines at either end go; the indentation of the first line with text stays. */
    private static String trimBlankLines(String text) {
        return text.replaceFirst("^(\\h*\\R)+", "").stripTrailing();
    }

    private static String cssClass(TestOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

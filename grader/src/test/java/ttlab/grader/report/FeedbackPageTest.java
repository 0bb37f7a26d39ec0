package ttlab.grader.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a student, and an instructor, read on a feedback page. */
class FeedbackPageTest {

    private static final FeedbackPage STUDENT = new FeedbackPage(false);
    private static final FeedbackPage INSTRUCTOR = new FeedbackPage(true);

    private final GradingResult bob = SampleResults.read(SampleResults.BOB);

    @Test
    void titleAndHeadingNameTheSubmissionAndItsScore() {
        String page = STUDENT.render(bob);

        assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<title>bob--00-warmup: 4.5 / 7.5 points</title>")
                .contains("<h1>Feedback for bob--00-warmup</h1>")
                .contains("<strong>4.5 / 7.5 points</strong> (60%)")
                .contains("Notebook <code>00-warmup.ipynb</code> · graded in 1.2 s")
                .as("the instructor's folders stay off the student's page").doesNotContain("/srv/course")
                .endsWith("</body>\n</html>\n");
    }

    @Test
    void isSelfContainedWithoutScripts() {
        String page = INSTRUCTOR.render(bob);

        assertThat(page).contains("<style>").doesNotContainIgnoringCase("<script")
                .doesNotContain("<link").doesNotContain("src=").doesNotContain("http://").doesNotContain("https://")
                .doesNotContainPattern("\\son\\w+=");
    }

    @Test
    void escapesTheOutputOfTests() {
        String page = STUDENT.render(bob);

        assertThat(page).contains("<pre>java.lang.IllegalStateException: &lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</pre>")
                .doesNotContain("<script>alert");
    }

    @Test
    void escapesEveryFieldFromTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, """
                {"score": 1, "max_score": 2, "output": "<b>summary</b>",
                 "tests": [{"name": "<i>name</i>", "score": 1, "max_score": 2, "status": "failed", "output": "<o>",
                            "tags": ["<tag>"], "extra_data": {"exercise": "<ex>"}}],
                 "extra_data": {"submission": "<img src=x onerror=alert(1)>", "master": "<m>.ipynb",
                                "problems": ["<p>"], "api_flags": [{"cell": "<c>", "line": 2, "api": "<api>", "code": "a < b && c"}]}}""",
                StandardCharsets.UTF_8);

        String page = INSTRUCTOR.render(GradingResult.read(file));

        assertThat(page).doesNotContain("<img", "<b>", "<i>", "<o>", "<ex>", "<m>", "<p>", "<c>", "<api>", "a < b")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;b&gt;summary&lt;/b&gt;", "&lt;i&gt;name&lt;/i&gt;",
                        "&lt;ex&gt;", "&lt;m&gt;.ipynb", "<li>&lt;p&gt;</li>", "&lt;c&gt;", "&lt;api&gt;", "a &lt; b &amp;&amp; c");
    }

    @Test
    void summarisesEachExerciseWithABar() {
        String page = STUDENT.render(bob);

        assertThat(page).contains("<tr><td>warmup.square</td><td class=\"num\">2 / 4</td><td><div class=\"bar\" title=\"50%\"><span style=\"width:50%\"></span></div></td></tr>")
                .contains("<tr><td>warmup.greet</td><td class=\"num\">2 / 3</td><td><div class=\"bar\" title=\"66.7%\"><span style=\"width:66.7%\"></span></div></td></tr>")
                .contains("<tr><td>warmup.trim</td><td class=\"num\">0.5 / 0.5</td><td><div class=\"bar\" title=\"100%\"><span style=\"width:100%\"></span></div></td></tr>");
        assertThat(page.indexOf("warmup.square</td>")).isLessThan(page.indexOf("warmup.greet</td>"));
    }

    @Test
    void showsEachTestWithABadgeItsPointsAndItsOutput() {
        String page = STUDENT.render(bob);

        assertThat(page)
                .contains("<h3><span class=\"badge passed\">passed</span> warmup.square › two()<span class=\"points\">2 / 2</span></h3>\n</div>")
                .contains("<h3><span class=\"badge failed\">failed</span> warmup.square › negative()<span class=\"points\">0 / 2</span></h3>\n"
                        + "<pre><span class=\"expected\">expected: 9</span>\n<span class=\"actual\"> but was: -9</span></pre>")
                .contains("<span class=\"badge error\">error</span> warmup.greet › greets()")
                .contains("<span class=\"badge timed-out\">timed out</span> warmup.square › overflow()<span class=\"points\">0 / 0</span></h3>\n"
                        + "<pre>timed out after 10 s</pre>");
        assertThat(STUDENT.render(SampleResults.read(SampleResults.ALICE)))
                .contains("<span class=\"badge not-run\">not run</span> attention.scores › masked()");
    }

    @Test
    void keepsTheAlignmentOfExpectedAndActual() {
        assertThat(FeedbackPage.output("\n\nExpecting actual:\n  [1, 2]\nto contain:\n  [3]\n\n"))
                .isEqualTo("Expecting actual:\n  [1, 2]\nto contain:\n  [3]");
        assertThat(FeedbackPage.output("expected: <4> but was: <5>"))
                .isEqualTo("<span class=\"expected\">expected: &lt;4&gt; but was: &lt;5&gt;</span>");
    }

    @Test
    void aStudentSeesOnlyTheResultOfAHiddenTest() {
        String page = STUDENT.render(bob);

        assertThat(page).contains("<span class=\"badge passed\">passed</span> hidden test: passed <span class=\"muted\">(warmup.greet)</span><span class=\"points\">2 / 2</span>")
                .doesNotContain("HIDDEN-DETAIL").doesNotContain("Zoë").doesNotContain("unicode()")
                .doesNotContain("Instructor");
        GradingResult alice = SampleResults.read(SampleResults.ALICE);
        assertThat(STUDENT.render(alice)).contains("hidden test: passed").doesNotContain("SECRET-REFERENCE").doesNotContain("shape()");
        GradingResult carol = SampleResults.read(SampleResults.CAROL);
        assertThat(STUDENT.render(carol)).contains("hidden test: failed").doesNotContain("Hello, Zo");
    }

    @Test
    void theInstructorSeesHiddenTestsInFull() {
        String page = INSTRUCTOR.render(bob);

        assertThat(page).contains("<p class=\"view\">Instructor's view: hidden tests are shown with their names and output.</p>")
                .contains("<span class=\"badge passed\">passed</span> warmup.greet › unicode() <span class=\"muted\">(after_published)</span>")
                .contains("<pre>HIDDEN-DETAIL: greet(&quot;Zoë&quot;) == &quot;Hello, Zoë!&quot;</pre>")
                .contains("network isolation on")
                .doesNotContain("hidden test:");
        assertThat(INSTRUCTOR.render(SampleResults.read(SampleResults.ALICE)))
                .contains("SECRET-REFERENCE").contains("attention.scores › shape() <span class=\"muted\">(hidden)</span>");
    }

    @Test
    void listsProblemsAndApiFlagsOnlyWhenThereAreAny() {
        String page = STUDENT.render(bob);

        assertThat(page).contains("<h2>Problems with the notebook</h2>\n<ul>\n"
                        + "<li>cell &#39;square-solution&#39; was edited outside its solution markers</li>\n"
                        + "<li>cell &#39;greet-tests&#39; was deleted</li>\n</ul>")
                .contains("<tr><td><code>greet-solution</code></td><td class=\"num\">3</td><td><code>java.lang.reflect</code></td>"
                        + "<td><pre>Method m = String.class.getMethod(&quot;&lt;init&gt;&quot;);</pre></td></tr>");
        assertThat(STUDENT.render(SampleResults.read(SampleResults.ALICE)))
                .doesNotContain("Problems with the notebook").doesNotContain("APIs the exercises do not allow");
    }

    @Test
    void theSectionsComeInReadingOrder() {
        String page = STUDENT.render(bob);
        Matcher headings = Pattern.compile("<h2>([^<]*)</h2>").matcher(page);
        StringBuilder order = new StringBuilder();
        while (headings.find()) {
            order.append(headings.group(1)).append('|');
        }
        assertThat(order).hasToString("Summary|Exercises|Problems with the notebook|Tests|APIs the exercises do not allow|");
    }

    @Test
    void writesFeedbackHtmlInTheSubmissionsFolder(@TempDir Path dir) throws Exception {
        Path file = STUDENT.write(bob, dir);

        assertThat(file).isEqualTo(dir.resolve("feedback.html"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(STUDENT.render(bob));
        assertThat(STUDENT.render(bob)).as("deterministic").isEqualTo(STUDENT.render(SampleResults.read(SampleResults.BOB)));
    }
}

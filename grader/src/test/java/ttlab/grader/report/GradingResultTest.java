package ttlab.grader.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ttlab.grader.report.GradingResult.ApiFlag;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Reading results.json: every field of a full file, the defaults of a sparse one, and bad files. */
class GradingResultTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryFieldOfAFullFile() {
        GradingResult bob = SampleResults.read(SampleResults.BOB);

        assertThat(bob.submission()).isEqualTo("bob--00-warmup");
        assertThat(bob.master()).isEqualTo("/srv/course/solutions/00-warmup.ipynb");
        assertThat(bob.assignment()).isEqualTo("00-warmup");
        assertThat(bob.score()).isEqualTo(4.5);
        assertThat(bob.maxScore()).isEqualTo(7.5);
        assertThat(bob.executionTime()).hasValue(1.23);
        assertThat(bob.output()).isEqualTo("4.5 / 7.5 points: 3 of 6 tests passed.\nSee each test below.");
        assertThat(bob.networkIsolation()).contains(true);
        assertThat(bob.problems()).containsExactly(
                "cell 'square-solution' was edited outside its solution markers", "cell 'greet-tests' was deleted");
        assertThat(bob.apiFlags()).containsExactly(
                new ApiFlag("greet-solution", 3, "java.lang.reflect", "Method m = String.class.getMethod(\"<init>\");"));
        assertThat(bob.tests())
                .extracting(t -> t.name(), t -> t.number(), t -> t.score(), t -> t.maxScore(), t -> t.status(),
                        t -> t.visibility(), t -> t.exercise(), t -> t.outcome())
                .containsExactly(
                        tuple("warmup.square › two()", "1", 2.0, 2.0, "passed", "visible", "warmup.square", TestOutcome.PASSED),
                        tuple("warmup.square › negative()", "2", 0.0, 2.0, "failed", "visible", "warmup.square", TestOutcome.FAILED),
                        tuple("warmup.greet › greets()", "3", 0.0, 1.0, "failed", "visible", "warmup.greet", TestOutcome.ERROR),
                        tuple("warmup.greet › unicode()", "4", 2.0, 2.0, "passed", "after_published", "warmup.greet", TestOutcome.PASSED),
                        tuple("warmup.square › overflow()", "5", 0.0, 0.0, "failed", "visible", "warmup.square", TestOutcome.TIMED_OUT),
                        tuple("warmup.trim › trims()", "6", 0.5, 0.5, "passed", "visible", "warmup.trim", TestOutcome.PASSED));
        assertThat(bob.tests().get(1).output()).isEqualTo("\nexpected: 9\n but was: -9");
        assertThat(bob.tests().get(1).tags()).containsExactly("warmup.square");
        assertThat(bob.tests().get(3).hiddenFromStudents()).isTrue();
        assertThat(bob.tests().get(0).hiddenFromStudents()).isFalse();
    }

    @Test
    void fillsInWhatASparseFileLeavesOut() {
        GradingResult carol = SampleResults.read(SampleResults.CAROL);

        assertThat(carol.submission()).as("the folder's name, when extra_data has none").isEqualTo("carol--00-warmup");
        assertThat(carol.master()).isEqualTo("00-warmup.ipynb");
        assertThat(carol.executionTime()).isEmpty();
        assertThat(carol.output()).isEmpty();
        assertThat(carol.networkIsolation()).isEmpty();
        assertThat(carol.problems()).isEmpty();
        assertThat(carol.apiFlags()).isEmpty();
        assertThat(carol.tests())
                .extracting(t -> t.number(), t -> t.status(), t -> t.output(), t -> t.visibility(), t -> t.exercise(), t -> t.outcome())
                .containsExactly(
                        tuple("", "passed", "", "visible", "warmup.square", TestOutcome.PASSED),
                        tuple("", "passed", "", "visible", "warmup.square", TestOutcome.PASSED),
                        tuple("3", "passed", "", "visible", "warmup.greet", TestOutcome.PASSED),
                        tuple("", "failed", "expected: \"Hello, Zoë!\"\n but was: \"Hello, Zoe!\"", "after_published",
                                "warmup.greet", TestOutcome.FAILED));
    }

    @Test
    void sumsPointsPerExerciseInTheOrderTheyFirstAppear() {
        Map<String, Score> scores = SampleResults.read(SampleResults.BOB).exerciseScores();

        assertThat(scores.keySet()).containsExactly("warmup.square", "warmup.greet", "warmup.trim");
        assertThat(scores).containsEntry("warmup.square", new Score(2, 4))
                .containsEntry("warmup.greet", new Score(2, 3))
                .containsEntry("warmup.trim", new Score(0.5, 0.5));
        assertThat(SampleResults.read(SampleResults.ALICE).exerciseScores())
                .containsExactly(Map.entry("attention.softmax", new Score(2, 4)), Map.entry("attention.scores", new Score(3, 6)));
    }

    @Test
    void totalsDefaultToTheSumOfTheTests() throws Exception {
        GradingResult result = read("""
                {"tests": [{"name": "a", "score": 0.1, "max_score": 1},
                           {"name": "b", "score": 0.2, "max_score": 1, "extra_data": {"outcome": "timed out"}},
                           {"score": 0, "max_score": 1, "status": "Failed"}]}""");

        assertThat(result.score()).isEqualTo(0.3);
        assertThat(result.maxScore()).isEqualTo(3.0);
        assertThat(result.total()).hasToString("0.3 / 3");
        assertThat(result.total().percent()).hasValue(10.0);
        assertThat(result.tests()).extracting(t -> t.name(), t -> t.status(), t -> t.outcome(), t -> t.exercise())
                .containsExactly(
                        tuple("a", "failed", TestOutcome.FAILED, GradingResult.NO_EXERCISE),
                        tuple("b", "failed", TestOutcome.TIMED_OUT, GradingResult.NO_EXERCISE),
                        tuple("test 3", "failed", TestOutcome.FAILED, GradingResult.NO_EXERCISE));
    }

    @Test
    void nullMeansAbsent() throws Exception {
        GradingResult result = read("""
                {"score": 1, "max_score": null, "output": null, "tests": null, "extra_data": null}""");

        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.maxScore()).isZero();
        assertThat(result.total().percent()).isEmpty();
        assertThat(result.tests()).isEmpty();
        assertThat(result.submission()).isEqualTo(dir.getFileName().toString());
    }

    @Test
    void onlyVisibleTestsShowTheirOutputToStudents() throws Exception {
        GradingResult result = read("""
                {"tests": [{"name": "a"}, {"name": "b", "visibility": " Visible"}, {"name": "c", "visibility": "after_published"},
                           {"name": "d", "visibility": "hidden"}, {"name": "e", "visibility": "after_due_date"},
                           {"name": "f", "visibility": "secret"}]}""");

        assertThat(result.tests()).extracting(t -> t.name(), t -> t.hiddenFromStudents()).containsExactly(
                tuple("a", false), tuple("b", false), tuple("c", true), tuple("d", true), tuple("e", true), tuple("f", true));
    }

    @Test
    void aMissingFileIsANamedError() {
        Path missing = dir.resolve("nobody").resolve("results.json");

        assertThatThrownBy(() -> GradingResult.read(missing))
                .isInstanceOf(ResultsFileException.class)
                .hasMessage(missing + ": no such file")
                .satisfies(e -> assertThat(((ResultsFileException) e).file()).isEqualTo(missing));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                  | {"score": 1,                                  | is not valid JSON: End of input at line 1 column 13 path $.score
            trailing data             | {"score": 1} {}                               | is not valid JSON: more data after the end of the document
            blank                     | '  '                                          | is empty: the grader did not finish writing it
            a list                    | [1, 2]                                        | is a list, not a JSON object with "score" and "tests"
            no score or tests         | {"output": "hi"}                              | has neither "score" nor "tests": not a Gradescope results file
            a string score            | {"score": "7"}                                | score must be a number, not a string ("7")
            a test's score            | {"tests": [{"score": 1}, {"score": [1]}]}     | tests[1].score must be a number, not a list
            a test that is no object  | {"tests": [3]}                                | tests[0] must be an object, not a number (3)
            tests that are no list    | {"tests": {"a": 1}}                           | tests must be a list, not an object
            a problem that is a list  | {"score": 1, "extra_data": {"problems": [[]]}} | extra_data.problems[0] must be a string, not a list
            an api flag's line        | {"score": 1, "extra_data": {"api_flags": [{"line": "3"}]}} | extra_data.api_flags[0].line must be a number, not a string ("3")
            network isolation        | {"score": 1, "extra_data": {"network_isolation": "yes"}} | extra_data.network_isolation must be true or false, not a string ("yes")
            a test's tag              | {"tests": [{"tags": [{}]}]}                   | tests[0].tags[0] must be a string, not an object
            a single-quoted string    | {'score': 1}                                  | is not valid JSON: malformed JSON at line 1 column 3 path $.
            """)
    void aMalformedFileIsANamedErrorThatSaysWhatIsWrong(String what, String json, String reason) throws Exception {
        Path file = write(json);

        assertThatThrownBy(() -> GradingResult.read(file))
                .isInstanceOf(ResultsFileException.class)
                .hasMessage(file + ": " + reason)
                .satisfies(e -> assertThat(((ResultsFileException) e).reason()).isEqualTo(reason));
    }

    @Test
    void textThatIsNotUtf8IsANamedError() throws Exception {
        Path file = dir.resolve("results.json");
        Files.write(file, new byte[]{'{', '"', 's', (byte) 0xff, '"', ':', '1', '}'});

        assertThatThrownBy(() -> GradingResult.read(file)).isInstanceOf(ResultsFileException.class)
                .hasMessage(file + ": is not UTF-8 text");
    }

    @Test
    void scoresPrintAsPeopleWriteThem() {
        assertThat(List.of(new Score(2, 4), new Score(0.5, 0.5), new Score(0.1 + 0.2, 1e7)))
                .map(Score::toString).containsExactly("2 / 4", "0.5 / 0.5", "0.3 / 10000000");
        assertThat(new Score(5, 7).percent()).hasValue(71.4);
        assertThat(new Score(1, 0).percent()).isEmpty();
    }

    private Path write(String json) throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private GradingResult read(String json) throws Exception {
        return GradingResult.read(write(json));
    }
}

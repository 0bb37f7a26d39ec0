package ttlab.grader.grade;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.grader.assign.MasterNotebook;
import ttlab.grader.notebook.Cell;
import ttlab.grader.notebook.NotebookReader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.grader.notebook.TestNotebooks.code;

/**
 * The wrong-answer check on the tiny warm-up master ({@link WarmupNotebooks}) with wrong answers of
 * every kind added: it grades each with the real grader and says which prove the tests.
 */
class WrongAnswerCheckTest {

    /** square keeps int arithmetic: the hidden noOverflow test (1 of 5 raw points) rejects it. */
    static final String SQUARE_OVERFLOWS = """
            static long square(int x) {
                return x * x;
            }""";

    /** A mistake MeanTests cannot see: it only differs on inputs the tests never try. */
    static final String MEAN_WRONG_ON_LONG_INPUTS = """
            static double mean(double[] xs) {
                if (xs.length == 0) {
                    return Double.NaN;
                }
                double sum = 0;
                for (double x : xs) {
                    sum += x;
                }
                return xs.length > 3 ? sum / (xs.length - 1) : sum / xs.length;
            }""";

    static final String MEAN_DOES_NOT_COMPILE = """
            static double mean(double[] xs) {
                return xs.sum() / xs.length;
            }""";

    /** Also redefines square, wrongly: an exercise it does not name loses points. */
    static final String MEAN_BREAKS_SQUARE = """
            static double mean(double[] xs) {
                return xs.length == 0 ? Double.NaN : xs[0];
            }

            static long square(int x) {
                return -1;
            }""";

    @TempDir
    static Path tmp;
    static Path solutions;
    static int status;
    static String out;

    @BeforeAll
    static void checkAll() throws Exception {
        JsonObject master = WarmupNotebooks.master();
        JsonArray cells = WarmupNotebooks.cells(master);
        cells.add(code("square-overflows", SQUARE_OVERFLOWS, wrong("warmup.square", "uses int arithmetic", "")));
        cells.add(code("mean-long-inputs", MEAN_WRONG_ON_LONG_INPUTS, wrong("warmup.mean", "divides by n - 1 for long inputs", "")));
        cells.add(code("mean-no-compile", MEAN_DOES_NOT_COMPILE, wrong("warmup.mean", "calls a sum() arrays lack", "")));
        cells.add(code("mean-breaks-square", MEAN_BREAKS_SQUARE, wrong("warmup.mean", "redefines square", "")));
        cells.add(code("mean-breaks-square-named", MEAN_BREAKS_SQUARE,
                wrong("warmup.mean", "redefines square, and says so", ", \"also-affects\": [\"warmup.square\"]")));
        solutions = tmp.resolve("solutions");
        WarmupNotebooks.write(solutions, WarmupNotebooks.NAME, master);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        status = WrongAnswerCheck.run(solutions, 2, new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        out = printed.toString(StandardCharsets.UTF_8);
    }

    static JsonObject wrong(String exercise, String mistake, String extra) {
        return JsonParser.parseString("{\"ttlab\": {\"exercise\": \"" + exercise + "\", \"role\": \"wrong-answer\","
                + " \"mistake\": \"" + mistake + "\"" + extra + "}}").getAsJsonObject();
    }

    private static String lineOf(String cellId) {
        return out.lines().filter(l -> l.contains("('" + cellId + "')")).findFirst().orElseThrow(
                () -> new AssertionError("no line for " + cellId + " in:\n" + out));
    }

    @Test
    void aWrongAnswerThatLosesPointsInItsOwnExerciseOnlyIsRejected() {
        assertThat(lineOf("square-overflows")).isEqualTo(solutions.resolve(WarmupNotebooks.NAME)
                + " cell 11 ('square-overflows') warmup.square: uses int arithmetic: kept 1.6 of 2: rejected");
    }

    @Test
    void aWrongAnswerThatPassesEveryTestIsReported() {
        assertThat(lineOf("mean-long-inputs"))
                .endsWith("warmup.mean: divides by n - 1 for long inputs: kept 3 of 3: NOT REJECTED:"
                        + " it passes every test of warmup.mean");
    }

    @Test
    void aWrongAnswerThatDoesNotCompileProvesNothing() {
        assertThat(lineOf("mean-no-compile"))
                .contains("warmup.mean: calls a sum() arrays lack: PROVES NOTHING: cell 'mean-solution' (cell 7, under \"Warm-up\") did not compile");
    }

    @Test
    void anotherExerciseThatLosesPointsMustBeNamedInAlsoAffects() {
        assertThat(lineOf("mean-breaks-square"))
                .contains("kept 0.75 of 3: ALSO LOSES POINTS in warmup.square (kept 0 of 2): fix that exercise's tests,"
                        + " or name it in also-affects if it calls warmup.mean");
        assertThat(lineOf("mean-breaks-square-named")).endsWith("kept 0.75 of 3: rejected");
    }

    @Test
    void theSummarySaysHowManyDoNotProveTheTestsAndTheStatusFails() {
        assertThat(status).isEqualTo(WrongAnswerCheck.NOT_PROVEN);
        assertThat(out).containsPattern("assign --check: 3 of 5 wrong answers do not prove their exercise's tests"
                + " \\(\\d+ s\\); the graded notebooks and their results are in .*ttlab-wrong-answers-");
    }

    @Test
    void aTrialIsTheStudentCopyAnsweredAsTheMasterWithTheWrongAnswerInPlaceOfItsSolution() throws Exception {
        Path file = solutions.resolve(WarmupNotebooks.NAME);
        MasterNotebook master = MasterNotebook.of(NotebookReader.parse(Files.readAllBytes(file), file.toString()),
                file.toString());
        List<WrongAnswerTrial> trials = WrongAnswerTrial.of(master);
        assertThat(trials).extracting(WrongAnswerTrial::cellId).containsExactly("square-overflows",
                "mean-long-inputs", "mean-no-compile", "mean-breaks-square", "mean-breaks-square-named");
        WrongAnswerTrial trial = trials.get(1);
        assertThat(trial.id()).isEqualTo("01-warmup--mean-long-inputs");
        assertThat(trial.replaced()).isEqualTo("mean-solution");
        List<Cell> cells = trial.submission().cells();
        assertThat(cells).extracting(Cell::id).containsExactly("intro", "setup", "square-solution", "try-square",
                "square-tests", "check-square", "mean-solution", "mean-tests", "demo");
        assertThat(cells.get(6).source()).isEqualTo(MEAN_WRONG_ON_LONG_INPUTS);
        assertThat(cells.get(2).source()).isEqualTo(WarmupNotebooks.SQUARE_SOLUTION);
        assertThat(cells.get(4).source()).as("the public tests, as students got them").doesNotContain("noOverflow");
        assertThat(master.graded().notebook().cells()).hasSize(15); // the master itself is left as it was
    }
}

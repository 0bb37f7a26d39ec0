package ttlab.grader.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One submission's {@code results.json} (Gradescope's format, with ttlab's {@code extra_data}),
 * as the reports need it. Optional fields that the file leaves out get the defaults documented
 * on each component, so that a report never has to check for null.
 *
 * @param submission       {@code extra_data.submission}, else the name of the folder the file is in
 * @param master           {@code extra_data.master}, the master notebook graded against; {@code ""} when absent
 * @param score            {@code score}; when absent, the sum of the tests' scores (as Gradescope does)
 * @param maxScore         {@code max_score}; when absent, the sum of the tests' maximum scores
 * @param executionTime    {@code execution_time} in seconds, when given
 * @param output           {@code output}, the grader's summary; {@code ""} when absent
 * @param tests            {@code tests}, in the file's order
 * @param problems         {@code extra_data.problems}: what is wrong with the notebook itself
 * @param apiFlags         {@code extra_data.api_flags}: uses of APIs that exercises must not use
 * @param networkIsolation {@code extra_data.network_isolation}, when given
 */
public record GradingResult(String submission, String master, double score, double maxScore,
                            OptionalDouble executionTime, String output, List<TestCase> tests,
                            List<String> problems, List<ApiFlag> apiFlags, Optional<Boolean> networkIsolation) {

    /** The file name the grader writes in each submission's folder. */
    public static final String FILE_NAME = "results.json";

    /** The exercise of a test that names none (no {@code extra_data.exercise}, no tag). */
    public static final String NO_EXERCISE = "(no exercise)";

    /**
     * The file name of a master as a result records it: {@code ./ttlab grade --solutions DIR} records the path
     * it read (the instructor's folders), which no gradebook column or student's page should show.
     */
    public static String fileNameOf(String master) {
        return master.substring(Math.max(master.lastIndexOf('/'), master.lastIndexOf('\\')) + 1);
    }

    /** The assignment this result grades: the master's file name without {@code .ipynb}. */
    public String assignment() {
        return Gradebook.assignmentOf(master);
    }

    public GradingResult {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(executionTime, "executionTime");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(networkIsolation, "networkIsolation");
        tests = List.copyOf(tests);
        problems = List.copyOf(problems);
        apiFlags = List.copyOf(apiFlags);
    }

    /**
     * Reads a {@code results.json}.
     *
     * @throws ResultsFileException when it is missing, unreadable, not JSON or not shaped like
     *                              a results file; the message names the file and, where there is
     *                              one, the field (e.g. {@code tests[2].score})
     */
    public static GradingResult read(Path file) throws ResultsFileException {
        return ResultsJson.read(file);
    }

    /**
     * Reads a {@code results.json} held in memory (e.g. in a database).
     *
     * @param source     what to call it in error messages, as a file name
     * @param submission the submission id when the file names none
     * @throws ResultsFileException as {@link #read(Path)} does
     */
    public static GradingResult parse(byte[] bytes, String source, String submission) throws ResultsFileException {
        return ResultsJson.parse(bytes, Path.of(source), submission);
    }

    /** The score as a {@link Score}, earned out of possible. */
    public Score total() {
        return new Score(score, maxScore);
    }

    /**
     * Points per exercise, summed over its tests, in the order the exercises first appear in
     * {@link #tests()}: the notebook's order, which is the order a student works in.
     */
    public Map<String, Score> exerciseScores() {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (TestCase test : tests) {
            scores.merge(test.exercise(), test.points(), Score::plus);
        }
        return scores;
    }

    /**
     * One test.
     *
     * @param name       {@code name}; {@code "test N"} when absent
     * @param number     {@code number}, e.g. {@code "1"} or {@code "1.2"}; {@code ""} when absent
     * @param score      {@code score}; 0 when absent
     * @param maxScore   {@code max_score}; 0 when absent
     * @param status     {@code status}, {@code "passed"} or {@code "failed"}; when absent, taken from
     *                   the outcome, else from the score (Gradescope's rule: full marks pass)
     * @param output     {@code output}: the assertion message, error or time-out; {@code ""} when absent
     * @param visibility {@code visibility}; {@code "visible"} when absent (Gradescope's default)
     * @param tags       {@code tags}
     * @param exercise   {@code extra_data.exercise}, else the first tag, else {@link #NO_EXERCISE}
     * @param outcome    {@code extra_data.outcome}; when absent or unknown, taken from the status
     */
    public record TestCase(String name, String number, double score, double maxScore, String status,
                       String output, String visibility, List<String> tags, String exercise, TestOutcome outcome) {

        public TestCase {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(visibility, "visibility");
            Objects.requireNonNull(exercise, "exercise");
            Objects.requireNonNull(outcome, "outcome");
            tags = List.copyOf(tags);
        }

        public Score points() {
            return new Score(score, maxScore);
        }

        /**
         * Whether a student may not see this test's output. Only {@code "visible"} shows it:
         * {@code after_published} and {@code hidden} must not, and neither may
         * {@code after_due_date} or a value ttlab does not know, since a page sent to a student
         * cannot be taken back.
         */
        public boolean hiddenFromStudents() {
            return !visibility.equals("visible");
        }
    }

    /**
     * A use of an API that the exercises forbid (reflection, threads, the network, ...).
     *
     * @param cell the cell's id
     * @param line the line in the cell, counting from 1; 0 when not known
     * @param api  the API, e.g. {@code "java.lang.reflect"}
     * @param code the code that uses it
     */
    public record ApiFlag(String cell, int line, String api, String code) {

        public ApiFlag {
            Objects.requireNonNull(cell, "cell");
            Objects.requireNonNull(api, "api");
            Objects.requireNonNull(code, "code");
        }
    }
}

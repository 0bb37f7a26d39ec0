package ttlab.grader.grade;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades every submission of {@link AdversarialSubmissions} in one batch, two at a time, with the
 * small limits of a test run, and checks that each gets a results.json with the right score and
 * a message that says what happened. Nothing is lost, whatever the submissions do.
 */
class AdversarialBatchTest {

    // Margins for a machine busy with other work: running out of memory or printing 100 MB must
    // finish well inside a test's limit at a load of 4 on 2 cores (2 s did not).
    static final String[] LIMITS = {"--test-timeout", "5", "--cell-timeout", "6", "--heap", "256m",
            "--wall-limit", "120", "--cpu-limit", "120"};

    @TempDir
    static Path tmp;
    private static Path out;
    private static int status;
    private static String printed;

    @BeforeAll
    static void gradeAll() throws Exception {
        Path solutions = tmp.resolve("solutions");
        WarmupNotebooks.write(solutions, WarmupNotebooks.NAME, WarmupNotebooks.masterBytes());
        Path submissions = tmp.resolve("submissions");
        AdversarialSubmissions.writeAll(submissions);
        out = tmp.resolve("out");
        status = grade(submissions, solutions, out, "2");
    }

    static int grade(Path submissions, Path solutions, Path results, String jobs) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of(submissions.toString(), "--out", results.toString(),
                "--solutions", solutions.toString(), "--jobs", jobs));
        args.addAll(List.of(LIMITS));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int rc = GradeCommand.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                System.err);
        printed = stdout.toString(StandardCharsets.UTF_8);
        return rc;
    }

    @Test
    void everySubmissionHasItsResults() throws IOException {
        assertThat(status).isZero();
        for (String name : AdversarialSubmissions.all().keySet()) {
            Path folder = out.resolve(name + "--01-warmup");
            assertThat(folder.resolve("results.json")).as(name).isRegularFile();
            assertThat(folder.resolve("feedback.txt")).as(name).isRegularFile();
            JsonObject results = results(name);
            assertThat(results.get("max_score").getAsDouble()).as(name).isEqualTo(5.0);
            assertThat(results.getAsJsonObject("extra_data").get("submission").getAsString()).isEqualTo(name + "--01-warmup");
            assertThat(results.getAsJsonObject("extra_data").get("network_isolation").getAsBoolean())
                    .isEqualTo(Sandbox.here().networkIsolated());
            assertThat(results.getAsJsonObject("extra_data").get("sandbox").getAsString())
                    .isEqualTo(Sandbox.here().description());
            assertThat(printed).contains(name + "--01-warmup");
        }
    }

    @Test
    void correctGetsFullMarks() throws IOException {
        assertThat(score("correct")).isEqualTo(5.0);
        assertThat(problems("correct")).isEmpty();
        assertThat(tests("correct")).hasSize(8).allMatch(t -> t.get("status").getAsString().equals("passed"));
        assertThat(results("correct").get("output").getAsString()).startsWith("Score: 5 / 5 (8 of 8 tests passed)");
    }

    @Test
    void pointsAreScaledToTheExercisesAndHiddenTestsAreMarked() throws IOException {
        JsonArray tests = results("correct").getAsJsonArray("tests");
        JsonObject first = tests.get(0).getAsJsonObject();
        assertThat(first.get("name").getAsString()).isEqualTo("warmup.square \u203a small()");
        assertThat(first.get("number").getAsString()).isEqualTo("1.1");
        assertThat(first.get("max_score").getAsDouble()).isEqualTo(0.4); // 1 of 5 raw points, scaled to 2
        assertThat(first.get("visibility").getAsString()).isEqualTo("visible");
        assertThat(first.getAsJsonArray("tags").get(0).getAsString()).isEqualTo("warmup.square");
        assertThat(first.getAsJsonObject("extra_data").get("outcome").getAsString()).isEqualTo("PASSED");
        JsonObject hidden = test("correct", "noOverflow");
        assertThat(hidden.get("visibility").getAsString()).isEqualTo("after_published");
        assertThat(tests("correct").stream().filter(t -> t.get("name").getAsString().contains("table(int)")))
                .hasSize(3).allMatch(t -> t.get("max_score").getAsDouble() == 0.4); // @Points(3) over three cases
        assertThat(test("correct", "three").get("max_score").getAsDouble()).isEqualTo(1.5); // 2 of 4, scaled to 3
    }

    @Test
    void untouchedStubScoresOnlyWhatTheStubPasses() throws IOException {
        assertThat(score("stub")).isEqualTo(0.75); // emptyIsNaN: the stub keeps the guard clause
        assertThat(outputs("stub", "small", "two")).allMatch(o -> o.contains("not implemented yet"));
    }

    @Test
    void systemExitFailsTheTestsThatCallIt() throws IOException {
        assertThat(score("exit")).isEqualTo(3.0);
        assertThat(outputs("exit", "small", "noOverflow")).allMatch(o -> o.contains("System.exit(3)"));
        assertThat(flags("exit")).contains("square-solution:3:exit:System.exit");
    }

    @Test
    void exitThroughReflectionIsRefusedAndOnlyItsExerciseFails() throws IOException {
        // Reflection never runs: the bytecode allowlist replaced square by a method that says why.
        assertThat(score("exit-by-reflection")).isEqualTo(3.0);
        assertThat(outputs("exit-by-reflection", "small", "table", "noOverflow")).allMatch(o ->
                o.contains("java.lang.Class.getMethod may not be used in graded code (in square)"));
        assertThat(problems("exit-by-reflection")).anyMatch(p -> p.startsWith("cell 'square-solution' (cell 3, under \"Warm-up\"): "
                + "java.lang.Class.getMethod (reflection) may not be used in graded code: square fails when called"));
        assertThat(flags("exit-by-reflection")).contains("square-solution:4:reflection:getMethod", "square-solution:4:reflection:Method.invoke");
    }

    @Test
    void haltThroughReflectionIsRefused() throws IOException {
        assertThat(score("halt-by-reflection")).isEqualTo(3.0);
        assertThat(outputs("halt-by-reflection", "small", "noOverflow"))
                .allMatch(o -> o.contains("java.lang.Class.getMethod may not be used in graded code (in square)"));
    }

    @Test
    void anEndlessLoopTimesOut() throws IOException {
        assertThat(score("loop")).isEqualTo(3.0);
        assertThat(tests("loop").stream().filter(t -> t.get("name").getAsString().startsWith("warmup.square")))
                .hasSize(5).allMatch(t -> t.get("output").getAsString().equals("timed out after 5 s")
                        && outcome(t).equals("TIMED_OUT"));
        assertThat(problems("loop")).contains("cell 'try-square' (cell 4, under \"Warm-up\") ran longer than the limit of 6 s for one cell and was stopped");
    }

    @Test
    void aThreadBombStopsItsProcessAndCostsOnlyItsTests() throws IOException {
        assertThat(score("thread-bomb")).isEqualTo(3.0);
        assertThat(outputs("thread-bomb", "small", "table", "noOverflow"))
                .allMatch(o -> o.contains("started more than 512 threads in square (cell 'square-solution' (cell 3, under \"Warm-up\"))"));
        assertThat(flags("thread-bomb")).contains("square-solution:4:threads:Thread");
    }

    @Test
    void endlessRecursionIsAStackOverflow() throws IOException {
        assertThat(score("recursion")).isEqualTo(3.0);
        assertThat(outputs("recursion", "small", "noOverflow")).allMatch(o -> o.startsWith("StackOverflowError"));
    }

    @Test
    void runningOutOfMemoryFailsTheTestsThatDid() throws IOException {
        assertThat(score("out-of-memory")).isEqualTo(2.0);
        assertThat(outputs("out-of-memory", "two", "three", "emptyIsNaN"))
                .allMatch(o -> o.startsWith("OutOfMemoryError: Java heap space in mean (cell 'mean-solution' (cell 7, under \"Warm-up\"))"));
    }

    @Test
    void a100MegabyteFloodIsDroppedAndNoted() throws IOException {
        assertThat(score("print-100mb")).isEqualTo(5.0);
        assertThat(problems("print-100mb")).contains("the submission printed more than 1 MB; the rest was dropped");
        assertThat(Files.size(out.resolve("print-100mb--01-warmup/worker.log"))).isLessThan(1L << 20);
    }

    @Test
    void aCompileErrorCostsOnlyItsExercise() throws IOException {
        assertThat(score("compile-error")).isEqualTo(2.0);
        assertThat(problems("compile-error")).contains("cell 'mean-solution' (cell 7, under \"Warm-up\") did not compile: line 7: ';' expected");
        assertThat(tests("compile-error").stream().filter(t -> t.get("name").getAsString().startsWith("warmup.mean")))
                .hasSize(3).allMatch(t -> outcome(t).equals("NOT_RUN") && t.get("output").getAsString()
                        .endsWith("because cell 'mean-solution' (cell 7, under \"Warm-up\") did not compile (line 7: ';' expected)"));
        assertThat(test("compile-error", "two").get("output").getAsString())
                .startsWith("not run: MeanTests cannot be used until method mean(double[]) is declared");
    }

    @Test
    void aDeletedSolutionIsReplacedByItsStub() throws IOException {
        assertThat(score("deleted-solution")).isEqualTo(3.0);
        assertThat(problems("deleted-solution")).contains("cell 'square-solution' (cell 3, under \"Warm-up\"), the solution of warmup.square, is"
                + " missing: the exercise's stub was run in its place, before your cells");
        assertThat(outputs("deleted-solution", "small")).allMatch(o -> o.contains("not implemented yet: warmup.square"));
    }

    @Test
    void aDuplicatedCellIdRunsEveryCopy() throws IOException {
        assertThat(score("duplicate-id")).isEqualTo(5.0);
        assertThat(problems("duplicate-id")).contains("the cell id 'square-solution' appears 2 times (cells 3, 4):"
                + " every copy was run, in order, so the last definition counts");
    }

    @Test
    void anEditedLockedCellIsReplacedByTheOriginal() throws IOException {
        assertThat(score("edited-locked")).isEqualTo(2.75);
        assertThat(problems("edited-locked")).contains("cell 'setup' (cell 2, under \"Warm-up\") is locked but was edited: the original was run instead");
        assertThat(outcome(test("edited-locked", "three"))).isEqualTo("FAILED");
    }

    @Test
    void movedCellsRunInTheStudentsOrder() throws IOException {
        assertThat(score("reordered")).isEqualTo(5.0);
        assertThat(problems("reordered")).containsExactly("cell 'mean-solution' (cell 3, under \"Warm-up\") was moved from its place in the"
                + " exercise notebook: cells were run in your notebook's order");
    }

    @Test
    void aHugeCellIsNotRunAndTheRestIsGraded() throws IOException {
        assertThat(score("huge-cell")).isEqualTo(5.0);
        assertThat(problems("huge-cell")).anyMatch(p -> p.startsWith("cell 'data-dump' (cell 10, under \"Warm-up\") is 4.8 MB, over the limit of"
                + " 1 MB for one cell"));
    }

    @Test
    void malformedNotebooksGetZeroWithTheReason() throws IOException {
        assertMalformed("bad-json", "is not valid JSON");
        assertMalformed("nbformat-3", "nbformat 3 notebooks are not supported");
        assertMalformed("missing-ids", "has no id: nbformat 4.5 requires cell ids");
        assertMalformed("not-utf8", "is not UTF-8 text: invalid byte 0xE9");
    }

    @Test
    void resultsDoNotDependOnParallelism(@TempDir Path again) throws Exception {
        Path subset = again.resolve("submissions");
        for (String name : List.of("correct", "stub", "compile-error", "deleted-solution")) {
            WarmupNotebooks.write(subset.resolve(name), WarmupNotebooks.NAME, AdversarialSubmissions.all().get(name));
        }
        Path solutions = again.resolve("solutions");
        WarmupNotebooks.write(solutions, WarmupNotebooks.NAME, WarmupNotebooks.masterBytes());
        assertThat(grade(subset, solutions, again.resolve("out"), "1")).isZero();
        for (String name : List.of("correct", "stub", "compile-error", "deleted-solution")) {
            String id = name + "--01-warmup";
            assertThat(withoutTimeAndPaths(again.resolve("out").resolve(id), again))
                    .as(name).isEqualTo(withoutTimeAndPaths(out.resolve(id), tmp));
        }
    }

    /** The results.json text without execution_time, and with the temporary folder's path taken out. */
    private static String withoutTimeAndPaths(Path folder, Path root) throws IOException {
        String text = Files.readString(folder.resolve("results.json"));
        return text.replaceAll("\"execution_time\": [0-9.]+", "").replace(root.toString(), "ROOT");
    }

    private void assertMalformed(String name, String reason) throws IOException {
        assertThat(score(name)).isZero();
        assertThat(problems(name)).singleElement().asString().startsWith("the notebook could not be read:").contains(reason);
        assertThat(tests(name)).hasSize(6).allMatch(t -> outcome(t).equals("NOT_RUN")
                && t.get("output").getAsString().contains(reason));
    }

    private static JsonObject results(String name) throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve(name + "--01-warmup/results.json"))).getAsJsonObject();
    }

    private double score(String name) throws IOException {
        return results(name).get("score").getAsDouble();
    }

    private List<String> problems(String name) throws IOException {
        return strings(results(name).getAsJsonObject("extra_data").getAsJsonArray("problems"));
    }

    /** Flags as "cell:line:category:api". */
    private List<String> flags(String name) throws IOException {
        List<String> flags = new ArrayList<>();
        for (JsonElement e : results(name).getAsJsonObject("extra_data").getAsJsonArray("api_flags")) {
            JsonObject f = e.getAsJsonObject();
            flags.add(f.get("cell").getAsString() + ":" + f.get("line").getAsInt() + ":" + f.get("category").getAsString()
                    + ":" + f.get("api").getAsString());
        }
        return flags;
    }

    private List<JsonObject> tests(String name) throws IOException {
        List<JsonObject> tests = new ArrayList<>();
        results(name).getAsJsonArray("tests").forEach(t -> tests.add(t.getAsJsonObject()));
        return tests;
    }

    private JsonObject test(String name, String method) throws IOException {
        return tests(name).stream().filter(t -> t.getAsJsonObject("extra_data").get("method").getAsString().equals(method))
                .findFirst().orElseThrow();
    }

    /** The outputs of every test (every invocation) of the methods named. */
    private List<String> outputs(String name, String... methods) throws IOException {
        List<String> wanted = List.of(methods);
        List<String> outputs = tests(name).stream()
                .filter(t -> wanted.contains(t.getAsJsonObject("extra_data").get("method").getAsString()))
                .peek(t -> assertThat(t.get("status").getAsString()).isEqualTo("failed"))
                .map(t -> t.get("output").getAsString()).collect(Collectors.toList());
        assertThat(outputs).as(name + " " + wanted).hasSizeGreaterThanOrEqualTo(methods.length);
        return outputs;
    }

    private static String outcome(JsonObject test) {
        return test.getAsJsonObject("extra_data").get("outcome").getAsString();
    }

    private static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        array.forEach(e -> list.add(e.getAsString()));
        return list;
    }
}

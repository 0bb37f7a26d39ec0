package ttlab.grader.grade;

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

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.grader.grade.WarmupNotebooks.cell;
import static ttlab.grader.grade.WarmupNotebooks.cells;
import static ttlab.grader.grade.WarmupNotebooks.correct;
import static ttlab.grader.grade.WarmupNotebooks.remove;
import static ttlab.grader.grade.WarmupNotebooks.squareBody;

/**
 * Code that the stop flag cannot reach (blocked uninterruptibly, or spinning inside the JDK),
 * which only the parent's limits end: a stuck cell is left out and grading resumes; a test that
 * blocks runs into the wall-clock limit; threads that burn CPU run into the CPU limit.
 */
class OutsideLimitsTest {

    private static final String BLOCK = "new java.util.concurrent.Semaphore(0).acquireUninterruptibly();";

    @TempDir
    static Path tmp;
    private static Path out;

    @BeforeAll
    static void gradeAll() throws Exception {
        Path solutions = tmp.resolve("solutions");
        WarmupNotebooks.write(solutions, WarmupNotebooks.NAME, WarmupNotebooks.masterBytes());
        out = tmp.resolve("out");

        // A stuck cell costs a second worker (the replay again, without it), and both workers'
        // CPU time counts against one budget: each takes some 4 s of CPU, more on a loaded
        // machine, so this run's budgets leave room for two, and only the cell limit is tight.
        Path stuckCell = tmp.resolve("stuck-cell-submissions");
        JsonObject stuck = correct();
        JsonObject hang = cell(stuck, "try-square").deepCopy();
        hang.addProperty("id", "hang");
        hang.addProperty("source", BLOCK);
        cells(stuck).add(hang);
        write(stuckCell, "stuck-cell", stuck);
        grade(stuckCell, solutions, "--wall-limit", "180", "--cpu-limit", "60");

        Path limits = tmp.resolve("limit-submissions");
        JsonObject blocked = squareBody(BLOCK + "\nreturn 0;");
        remove(blocked, "try-square");
        write(limits, "blocked-test", blocked);
        JsonObject hog = squareBody("""
                for (int i = 0; i < 4; i++) {
                    new Thread(() -> java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum()).start();
                }
                """ + BLOCK + "\nreturn 0;");
        remove(hog, "try-square");
        write(limits, "cpu-hog", hog);
        // The CPU limit must fire before the wall limit for the CPU hog: 45 s of wall time holds
        // 8 s of CPU for four spinning threads even when other work takes most of the 2 cores;
        // the blocked test's one worker (about 4 s of CPU) stays below 8 s while it waits for the wall.
        grade(limits, solutions, "--wall-limit", "45", "--cpu-limit", "8");
    }

    /** Grades a folder into {@link #out} with a 3 s cell limit and the given submission budgets. */
    private static void grade(Path submissions, Path solutions, String... budgets) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of(submissions.toString(), "--out", out.toString(),
                "--solutions", solutions.toString(), "--jobs", "2", "--test-timeout", "2", "--cell-timeout", "3",
                "--heap", "256m"));
        args.addAll(List.of(budgets));
        int status = GradeCommand.run(args.toArray(String[]::new),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
    }

    private static void write(Path folder, String name, JsonObject nb) throws IOException {
        WarmupNotebooks.write(folder.resolve(name), WarmupNotebooks.NAME, nb);
    }

    private static JsonObject results(String name) throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve(name + "--01-warmup/results.json"))).getAsJsonObject();
    }

    private static List<String> outputs(String name, String exercise) throws IOException {
        List<String> outputs = new ArrayList<>();
        results(name).getAsJsonArray("tests").forEach(t -> {
            JsonObject test = t.getAsJsonObject();
            if (test.getAsJsonObject("extra_data").get("exercise").getAsString().equals(exercise)) {
                outputs.add(test.get("output").getAsString());
            }
        });
        return outputs;
    }

    @Test
    void aCellThatIgnoresItsLimitIsLeftOutAndTheRestIsGraded() throws IOException {
        JsonObject results = results("stuck-cell");
        assertThat(results.get("score").getAsDouble()).as(results.getAsJsonObject("extra_data").toString()).isEqualTo(5.0);
        assertThat(results.getAsJsonObject("extra_data").getAsJsonArray("problems").get(0).getAsString())
                .isEqualTo("cell 'hang' (cell 10, under \"Warm-up\") was left out: when it ran, it did not stop at the limit of 3 s for one cell (it"
                        + " was blocked where the grader cannot stop it), so its grading process was stopped; grading"
                        + " started again without it");
    }

    @Test
    void aTestThatBlocksRunsIntoTheWallClockLimit() throws IOException {
        assertThat(results("blocked-test").get("score").getAsDouble()).isZero();
        assertThat(outputs("blocked-test", "warmup.square")).hasSize(3).allMatch(o ->
                o.equals("the submission's grading ran over its time limit of 45 s and was stopped"));
        assertThat(outputs("blocked-test", "warmup.mean")).hasSize(3).allMatch(o ->
                o.equals("not run: the submission's grading ran over its time limit of 45 s and was stopped"));
    }

    @Test
    void threadsThatBurnCpuRunIntoTheCpuLimit() throws IOException {
        assertThat(results("cpu-hog").get("score").getAsDouble()).isZero();
        assertThat(outputs("cpu-hog", "warmup.square")).hasSize(3).allMatch(o ->
                o.equals("the submission's grading used more than 8 s of CPU time and was stopped"));
    }
}

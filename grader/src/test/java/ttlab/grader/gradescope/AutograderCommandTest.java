package ttlab.grader.gradescope;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * run_autograder's Java side on a scratch root laid out as Gradescope's {@code /autograder}, for
 * what it decides around the grading: the bundle's settings, submissions it cannot grade, one
 * assignment for every notebook and hidden tests kept hidden. (The scripts around it, and the
 * file name picking the master, are {@code tests/gradescope/test_bundle.py}'s.)
 */
class AutograderCommandTest {

    @TempDir
    Path root;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void bundle(BundleSettings settings) throws IOException {
        Path solutions = Files.createDirectories(root.resolve("source/solutions"));
        Files.copy(Path.of("..", "solutions", "00-warmup.ipynb"), solutions.resolve("00-warmup.ipynb"));
        Files.writeString(root.resolve("source").resolve(BundleSettings.FILE), settings.toJson());
    }

    private int run() throws InterruptedException {
        return AutograderCommand.run(new String[] {root.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonObject results() throws IOException {
        return JsonParser.parseString(Files.readString(root.resolve("results/results.json"))).getAsJsonObject();
    }

    @Test
    void theSettingsComeBackAsWritten() throws IOException {
        BundleSettings settings = new BundleSettings(List.of("--heap", "768m"), "00-warmup", "hidden", true);
        Path file = Files.writeString(root.resolve(BundleSettings.FILE), settings.toJson());
        assertThat(BundleSettings.read(file)).isEqualTo(settings);
    }

    @Test
    void aSubmissionWithoutANotebookGetsResultsThatSaySo() throws Exception {
        bundle(new BundleSettings(List.of(), "00-warmup", "after_published", true));
        Files.createDirectories(root.resolve("submission"));
        Files.writeString(root.resolve("submission/answers.pdf"), "%PDF-1.4");
        Files.writeString(root.resolve("submission_metadata.json"), "{\"id\": 77, \"created_at\": \"2026-10-20T10:00:00Z\"}");
        assertThat(run()).isZero();
        JsonObject results = results();
        assertThat(results.get("score").getAsDouble()).isZero();
        assertThat(results.getAsJsonArray("tests")).isEmpty();
        assertThat(results.get("output").getAsString()).isEqualTo("Not graded.\nProblems:\n  - No notebook (.ipynb)"
                + " was handed in, only answers.pdf: upload the notebook itself (00-warmup.ipynb).\n");
        assertThat(results.getAsJsonObject("extra_data").get("submission").getAsString()).isEqualTo("gradescope-77");
    }

    @Test
    void withOneAssignmentAnyNotebookIsGradedAndHiddenTestsCanStayHidden() throws Exception {
        bundle(new BundleSettings(List.of(), "00-warmup", "hidden", false));
        Files.createDirectories(root.resolve("submission"));
        Files.copy(Path.of("..", "exercises", "00-warmup.ipynb"), root.resolve("submission/my homework.ipynb"));
        assertThat(run()).isZero();
        JsonObject results = results();
        assertThat(results.get("score").getAsDouble()).isZero();
        assertThat(results.get("max_score").getAsDouble()).isEqualTo(12);
        List<String> visibilities = results.getAsJsonArray("tests").asList().stream()
                .map(t -> t.getAsJsonObject().get("visibility").getAsString()).distinct().sorted().toList();
        assertThat(visibilities).containsExactly("hidden", "visible");
        assertThat(results.getAsJsonObject("extra_data").has("late")).isFalse();
        assertThat(results.getAsJsonObject("extra_data").get("submission").getAsString()).isEqualTo("00-warmup");
    }

    @Test
    void aBundleWithoutItsSettingsFailsTheRunWithTheReason() throws Exception {
        Files.createDirectories(root.resolve("source"));
        assertThat(run()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ttlab autograder: ")
                .contains(BundleSettings.FILE);
        assertThat(root.resolve("results/results.json")).doesNotExist();
    }

    @Test
    void damagedSettingsAreNamed() throws Exception {
        Files.createDirectories(root.resolve("source"));
        Files.writeString(root.resolve("source").resolve(BundleSettings.FILE), "{\"grade_options\": 3}");
        assertThat(run()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not the settings ttlab gradescope writes");
    }
}

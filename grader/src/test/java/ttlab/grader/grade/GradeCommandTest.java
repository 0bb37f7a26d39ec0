package ttlab.grader.grade;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, and what it writes when a submission cannot be graded at all (no worker needed). */
class GradeCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        return GradeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutArgumentsItPrintsUsage() throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: ttlab grade SUBMISSION... --out DIR");
        assertThat(run("--help")).isZero();
    }

    @Test
    void badUsageIsStatusTwo(@TempDir Path tmp) throws Exception {
        assertThat(run(tmp.resolve("missing.ipynb").toString(), "--out", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such notebook or folder");
        Files.createDirectories(tmp.resolve("empty"));
        assertThat(run(tmp.resolve("empty").toString(), "--out", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no notebooks (*.ipynb) found");
    }

    @Test
    void aMissingFolderOfMastersIsSaidAtOnce(@TempDir Path tmp) throws Exception {
        WarmupNotebooks.write(tmp.resolve("alice"), WarmupNotebooks.NAME, WarmupNotebooks.correct());
        assertThat(run(tmp.resolve("alice").toString(), "--out", tmp.resolve("out").toString(),
                "--solutions", tmp.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ttlab grade: no folder of master notebooks at "
                + tmp.resolve("nowhere").toAbsolutePath() + ": give it with --solutions DIR, or one master with --master FILE");
        assertThat(tmp.resolve("out")).isEmptyDirectory();
    }

    @Test
    void aSubmissionWithoutMasterGetsResultsThatSaySo(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("solutions"));
        Path nb = WarmupNotebooks.write(tmp.resolve("alice"), "09-unknown.ipynb", WarmupNotebooks.correct());
        Path results = tmp.resolve("out");
        assertThat(run(tmp.resolve("alice").toString(), "--out", results.toString(),
                "--solutions", tmp.resolve("solutions").toString())).isEqualTo(1);
        Path file = results.resolve("alice--09-unknown/results.json");
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertThat(json.get("score").getAsDouble()).isZero();
        assertThat(json.getAsJsonArray("tests")).isEmpty();
        assertThat(json.getAsJsonObject("extra_data").getAsJsonArray("problems").get(0).getAsString())
                .isEqualTo("cannot grade: there is no master notebook " + tmp.resolve("solutions").resolve("09-unknown.ipynb"));
        assertThat(json.getAsJsonObject("extra_data").get("notebook").getAsString()).isEqualTo(nb.toString());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("alice--09-unknown  not graded");
        assertThat(Files.readString(file)).startsWith("{\n  \"execution_time\"");
    }
}

package ttlab.grader.gradescope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to {@code ttlab gradescope}: a clear message, exit status 2, and no zip. */
class GradescopeCommandTest {

    @TempDir
    Path repository;

    private String refusal(String... args) throws IOException {
        Path solutions = Files.createDirectories(repository.resolve("solutions"));
        Files.copy(Path.of("..", "solutions", "00-warmup.ipynb"), solutions.resolve("00-warmup.ipynb"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 4];
        all[0] = "--repository";
        all[1] = repository.toString();
        all[2] = "--out";
        all[3] = repository.resolve("autograder.zip").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        int status = GradescopeCommand.run(all, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(repository.resolve("autograder.zip")).doesNotExist();
        return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    @Test
    void anUnknownAssignmentIsNamedWithTheOnesThereAre() throws IOException {
        assertThat(refusal("--assignment", "02-icl")).isEqualTo("ttlab gradescope: --assignment 02-icl: there is no"
                + " master 02-icl.ipynb in " + repository.resolve("solutions") + " (there are: 00-warmup)");
    }

    @Test
    void aVisibilityGradescopeWouldNotHideIsRefused() throws IOException {
        assertThat(refusal("--hidden-tests", "visible"))
                .isEqualTo("ttlab gradescope: --hidden-tests takes after_published or hidden, not visible");
    }

    @Test
    void aGradingLimitIsCheckedAsTtlabGradeChecksIt() throws IOException {
        assertThat(refusal("--heap", "lots")).startsWith("ttlab gradescope: ").contains("--heap");
        assertThat(refusal("--jobs", "4")).isEqualTo("ttlab gradescope: unknown option --jobs");
    }

    @Test
    void aBrokenCourseConfigurationIsNamed() throws IOException {
        Path config = Files.writeString(repository.resolve("course.json"), "{\"defaults\": {\"late_penalty\": 0.1}}");
        assertThat(refusal("--late-policy", config.toString())).startsWith("ttlab gradescope: " + config + ": unknown key"
                + " defaults.late_penalty");
        assertThat(refusal("--late-policy", repository.resolve("none.json").toString()))
                .isEqualTo("ttlab gradescope: --late-policy: no course configuration " + repository.resolve("none.json"));
    }

    @Test
    void aMalformedMasterStopsTheBundle() throws IOException {
        Path broken = Files.createDirectories(repository.resolve("broken"));
        Files.writeString(broken.resolve("00-warmup.ipynb"), "{\"cells\": 3}");
        assertThat(refusal("--solutions", broken.toString())).startsWith("ttlab gradescope: cannot grade: the master is malformed");
    }

    @Test
    void aRepositoryWithoutTheGradersBuildIsToldToSetUp() throws IOException {
        assertThat(refusal()).startsWith("ttlab gradescope: the bundle needs ").endsWith("which is missing: run ./ttlab setup");
    }
}

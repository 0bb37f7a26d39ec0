package ttlab.grader.grade;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grading host of a thread: kept from one submission to the next while it serves, replaced
 * when it dies, unaffected by a submission that ends its own agent, and ended with its thread.
 */
class GradingHostTest {

    private static final GradeOptions OPTIONS = GradeOptions.parseSettings(new String[0]);

    private static JsonObject graded(NotebookGrader grader, Path tmp, String student, JsonObject notebook) throws Exception {
        Path nb = WarmupNotebooks.write(tmp.resolve(student), WarmupNotebooks.NAME, notebook);
        Path folder = tmp.resolve("out").resolve(student);
        grader.grade(student, nb, folder);
        return JsonParser.parseString(Files.readString(folder.resolve(NotebookGrader.RESULTS), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    private static double score(NotebookGrader grader, Path tmp, String student, JsonObject notebook) throws Exception {
        return graded(grader, tmp, student, notebook).get("score").getAsDouble();
    }

    private static NotebookGrader grader(Path tmp) throws Exception {
        Path solutions = tmp.resolve("solutions");
        WarmupNotebooks.write(solutions, WarmupNotebooks.NAME, WarmupNotebooks.master());
        return NotebookGrader.withOptions(List.of("--solutions", solutions.toString()));
    }

    @Test
    void aThreadGradesOneSubmissionAfterAnotherOnOneHost(@TempDir Path tmp) throws Exception {
        NotebookGrader grader = grader(tmp);
        assertThat(score(grader, tmp, "alice", WarmupNotebooks.correct())).isEqualTo(5.0);
        HostProcess host = HostProcess.forThisThread(OPTIONS);
        long pid = host.pid();
        assertThat(score(grader, tmp, "bob", WarmupNotebooks.squareBody("throw new UnsupportedOperationException();")))
                .isEqualTo(3.0);
        assertThat(HostProcess.forThisThread(OPTIONS).pid()).isEqualTo(pid);
        host.kill();
    }

    @Test
    void aSubmissionThatEndsItsAgentLeavesTheHostServing(@TempDir Path tmp) throws Exception {
        NotebookGrader grader = grader(tmp);
        graded(grader, tmp, "alice", WarmupNotebooks.correct());
        long pid = HostProcess.forThisThread(OPTIONS).pid();
        // square's tests call it and fail; mean's do not and pass: the agent's end costs what it touched
        assertThat(score(grader, tmp, "mallory", WarmupNotebooks.squareBody("System.exit(3); return 0;"))).isEqualTo(3.0);
        assertThat(HostProcess.forThisThread(OPTIONS).pid()).isEqualTo(pid);
        assertThat(score(grader, tmp, "carol", WarmupNotebooks.correct())).isEqualTo(5.0);
        HostProcess.forThisThread(OPTIONS).kill();
    }

    @Test
    void aHostThatDiedIsReplacedForTheNextSubmission(@TempDir Path tmp) throws Exception {
        NotebookGrader grader = grader(tmp);
        graded(grader, tmp, "alice", WarmupNotebooks.correct());
        HostProcess host = HostProcess.forThisThread(OPTIONS);
        ProcessHandle.of(host.pid()).ifPresent(ProcessHandle::destroyForcibly);
        assertThat(score(grader, tmp, "bob", WarmupNotebooks.correct())).isEqualTo(5.0);
        assertThat(HostProcess.forThisThread(OPTIONS)).isNotSameAs(host);
        HostProcess.forThisThread(OPTIONS).kill();
    }

    @Test
    void theNextAgentIsStartedAheadAndOneThatDiedIsReplaced(@TempDir Path tmp) throws Exception {
        NotebookGrader grader = grader(tmp);
        graded(grader, tmp, "alice", WarmupNotebooks.correct());
        HostProcess host = HostProcess.forThisThread(OPTIONS);
        ProcessHandle bobs = host.agentStartedAhead().orElseThrow();
        assertThat(bobs.isAlive()).as("bob's agent, started while alice was graded, waits for its submission").isTrue();
        bobs.destroyForcibly();
        bobs.onExit().get();
        assertThat(score(grader, tmp, "bob", WarmupNotebooks.correct())).isEqualTo(5.0);
        ProcessHandle carols = host.agentStartedAhead().orElseThrow();
        assertThat(carols.isAlive()).as("carol's, started ahead in its turn").isTrue();
        host.kill();
        carols.onExit().get();
        assertThat(carols.isAlive()).as("ended with its host").isFalse();
    }

    @Test
    void theHostOfAThreadThatEndedIsEnded(@TempDir Path tmp) throws Exception {
        NotebookGrader grader = grader(tmp);
        AtomicReference<HostProcess> host = new AtomicReference<>();
        Thread slot = new Thread(() -> {
            try {
                graded(grader, tmp, "alice", WarmupNotebooks.correct());
                host.set(HostProcess.forThisThread(OPTIONS));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        slot.start();
        slot.join();
        assertThat(host.get()).isNotNull();
        NotebookGrader.endHostsOfEndedThreads();
        assertThat(host.get().alive()).isFalse();
        assertThat(host.get().slot()).doesNotExist();
    }
}

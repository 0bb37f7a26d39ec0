package ttlab.grader.grade;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small pieces of the worker and the command line. */
class WorkerPartsTest {

    @Test
    void cappedStreamsShareOneBudgetAndSayOnceThatItRanOut() throws IOException {
        AtomicInteger told = new AtomicInteger();
        CappedOutputStream.Budget budget = new CappedOutputStream.Budget(10, told::incrementAndGet);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CappedOutputStream capOut = new CappedOutputStream(out, budget);
        CappedOutputStream capErr = new CappedOutputStream(err, budget);
        capOut.write("123456".getBytes(StandardCharsets.UTF_8));
        capErr.write("abcdef".getBytes(StandardCharsets.UTF_8));
        capOut.write('x');
        capOut.write(new byte[1 << 20]);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("123456");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("abcd");
        assertThat(told.get()).isEqualTo(1);
    }

    @Test
    void runningCodeNamesTheTestAndTheStudentsFrame() {
        RunningCode running = new RunningCode();
        running.addTestMethods(java.util.List.of("SquareTests#small", "SquareTests$Inner#deep"));
        running.snippetFrom("7", "cell 'square-solution'");
        StackTraceElement[] stack = {
                new StackTraceElement("java.lang.Runtime", "exit", null, 1),
                new StackTraceElement("REPL.$JShell$7", "square", null, 3),
                new StackTraceElement("REPL.$JShell$15B$SquareTests", "lambda$small$0", null, 5),
                new StackTraceElement("REPL.$JShell$15B$SquareTests", "small", null, 5),
                new StackTraceElement("org.junit.Whatever", "invoke", null, 1)};
        assertThat(running.culprit(stack)).isEqualTo(new RunningCode.Culprit("SquareTests", "small"));
        assertThat(running.where(stack)).isEqualTo("in square (cell 'square-solution')");
        assertThat(RunningCode.notebookName("REPL.$JShell$15B$SquareTests$Inner")).isEqualTo("SquareTests$Inner");
        assertThat(RunningCode.notebookName("java.lang.String")).isNull();
    }

    @Test
    void optionsHaveDefaultsAndCheckTheirValues() {
        GradeOptions o = GradeOptions.parse(new String[] {"subs", "--out", "results"});
        assertThat(o.quickJit()).isTrue();
        assertThat(GradeOptions.parse(new String[] {"subs", "--out", "r", "--jit", "full"}).quickJit()).isFalse();
        assertThat(o.solutions().toString()).isEqualTo("solutions");
        assertThat(o.heapBytes()).isEqualTo(512L << 20);
        assertThat(o.testLimit()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.outputLimit()).isEqualTo(1L << 20);
        assertThat(o.jobs()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        GradeOptions p = GradeOptions.parse(new String[] {"a.ipynb", "b", "--out=r", "--master", "m.ipynb",
                "--jobs", "3", "--heap", "1g", "--test-timeout", "0.5", "--output-limit", "64k"});
        assertThat(p.submissions()).hasSize(2);
        assertThat(p.master().toString()).isEqualTo("m.ipynb");
        assertThat(p.heapBytes()).isEqualTo(1L << 30);
        assertThat(p.testLimit()).isEqualTo(Duration.ofMillis(500));
        assertThat(p.outputLimit()).isEqualTo(64 << 10);
        assertThatThrownBy(() -> GradeOptions.parse(new String[] {"a", "--out", "r", "--jobs", "0"}))
                .hasMessage("--jobs: not a valid value: 0");
        assertThatThrownBy(() -> GradeOptions.parse(new String[] {"a", "--out", "r", "--color"}))
                .hasMessage("--color needs a value");
        assertThatThrownBy(() -> GradeOptions.parse(new String[] {"a", "--out", "r", "--colour", "x"}))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> GradeOptions.parse(new String[] {"a"})).hasMessage("--out DIR is required");
        assertThatThrownBy(() -> GradeOptions.parse(new String[] {"a", "--out", "r", "--jit", "fast"}))
                .hasMessageContaining("quick or full");
    }

    @Test
    void sizesReadAsMessagesSayThem() {
        assertThat(Sizes.describe(5_000_000)).isEqualTo("4.8 MB");
        assertThat(Sizes.describe(1 << 20)).isEqualTo("1 MB");
        assertThat(Sizes.describe(2048)).isEqualTo("2 KB");
        assertThat(Sizes.seconds(2500)).isEqualTo("2.5 s");
    }

    @Test
    void workersGetNoSecretsAndKnowTheyAreGrading() {
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of(
                "PATH", "/usr/bin", "HOME", "/home/grader", "TTLAB_TIMEOUT", "5000",
                "JUPYTERHUB_API_TOKEN", "hub-secret", "JUPYTERHUB_API_URL", "http://hub:8081/hub/api",
                "TTLAB_SUBMIT_TOKEN", "student-secret", "PGPASSWORD", "db-secret", "AWS_SECRET_ACCESS_KEY", "aws",
                "SERVICE_API_KEY", "key"));
        env.put("JAVA_TOOL_OPTIONS", "-javaagent:/tmp/evil.jar");
        java.util.Map<String, String> worker = Sandbox.environment(env, java.nio.file.Path.of("/tmp/scratch"));
        assertThat(worker).containsOnlyKeys("PATH", "HOME", "TMPDIR", "LANG", "MALLOC_ARENA_MAX", "TTLAB_TIMEOUT",
                WorkerProcess.GRADING_VARIABLE);
        assertThat(worker.get("HOME")).isEqualTo("/tmp/scratch");
        assertThat(worker.get(WorkerProcess.GRADING_VARIABLE)).isEqualTo("1");
    }
}

package ttlab.kernel.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An engine that compiles here and runs its snippets in a {@link SnippetAgent}: on a thread of
 * this JVM over pipes, in a child JVM over its standard streams, and against agents that break
 * the protocol on purpose.
 */
class ForwardedSnippetExecutionTest {

    /** An engine and an agent on its own thread, joined by two pipes. */
    private record Pair(CellEngine engine, SnippetAgent agent, CompletableFuture<Void> served) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            engine.close();
            served.get(20, TimeUnit.SECONDS); // the engine's close ends the agent's loop
        }
    }

    private static Pair pair() throws IOException {
        PipedInputStream fromAgent = new PipedInputStream(1 << 16);
        PipedOutputStream agentOut = new PipedOutputStream(fromAgent);
        PipedInputStream toAgentIn = new PipedInputStream(1 << 16);
        PipedOutputStream toAgent = new PipedOutputStream(toAgentIn);
        CompletableFuture<SnippetAgent> agent = new CompletableFuture<>();
        CompletableFuture<Void> served = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                SnippetAgent a = new SnippetAgent();
                agent.complete(a);
                a.serve(toAgentIn, agentOut);
                served.complete(null);
            } catch (Throwable e) {
                agent.completeExceptionally(e);
                served.completeExceptionally(e);
            }
        }, "test-agent");
        t.setDaemon(true);
        t.start();
        CellEngine engine = CellEngine.builder().runSnippetsElsewhere(fromAgent, toAgent).build();
        return new Pair(engine, agent.join(), served);
    }

    @Test
    void stateAndValuesLiveWithTheAgent() throws Exception {
        try (Pair p = pair()) {
            assertThat(p.engine().evaluate("int x = 6 * 7;\nint twice(int v) { return 2 * v; }", "In[1]").succeeded()).isTrue();
            CellResult r = p.engine().evaluate("twice(x) + 1", "In[2]");
            assertThat(r.succeeded()).as(r.toString()).isTrue();
            assertThat(r.hasValue()).isTrue();
            assertThat(r.value()).as("the object stays in the agent").isNull();
            assertThat(p.agent().takeLastValue()).isEqualTo(85);
        }
    }

    @Test
    void anOwnersCodeRunsAsTheSnippetsDoAndAStopWakesIt() throws Exception {
        try (Pair p = pair()) {
            assertThat(p.engine().evaluate("int naps = 0;", "In[1]").succeeded()).isTrue();
            // an owner's command runs the snippets' code as client code: a stop interrupts its sleep
            p.agent().command("nap", arg -> p.agent().runAsCode(() -> {
                try {
                    Thread.sleep(60_000);
                    return "slept";
                } catch (InterruptedException e) {
                    return "woken";
                }
            }));
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> p.engine().askAgent("nap", null));
            Thread.sleep(300);
            p.agent().stop(ExecutionStopped.Reason.TIMED_OUT);
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("woken");
            p.agent().clearStop();
            assertThat(p.engine().evaluate("naps + 1", "In[2]").succeeded()).as("the next snippet runs").isTrue();
        }
    }

    @Test
    void runtimeErrorsKeepTheStudentsFrames() throws Exception {
        try (Pair p = pair()) {
            p.engine().evaluate("int divide(int a, int b) {\n    return a / b;\n}", "In[11]");
            CellResult r = p.engine().evaluate("int q = 1;\ndivide(q, 0)", "In[12]");
            assertThat(r.status()).isEqualTo(CellResult.Status.RUNTIME_ERROR);
            CellError error = r.error().orElseThrow();
            assertThat(error.name()).isEqualTo("java.lang.ArithmeticException");
            assertThat(error.message()).isEqualTo("/ by zero");
            assertThat(String.join("\n", error.traceback()))
                    .contains("at divide (In[11] line 2)").contains("(In[12] line 2)");
        }
    }

    @Test
    void compileErrorsAreFoundHereWithoutTheAgent() throws Exception {
        try (Pair p = pair()) {
            CellResult r = p.engine().evaluate("int y = \"text\";", "In[1]");
            assertThat(r.status()).isEqualTo(CellResult.Status.COMPILE_ERROR);
            assertThat(r.error().orElseThrow().diagnostics().get(0).message()).contains("incompatible types");
        }
    }

    @Test
    void theAgentStopsItsCodeAndTheEngineLearnsWhy() throws Exception {
        try (Pair p = pair()) {
            p.engine().evaluate("int kept = 7;", "In[1]");
            CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(
                    () -> p.engine().evaluate("long n = 0;\nwhile (true) { try { n++; } catch (Throwable t) {} }\n", "In[2]"));
            Thread.sleep(300);
            p.agent().stop(ExecutionStopped.Reason.TIMED_OUT);
            CellResult r = running.get(20, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(CellResult.Status.TIMED_OUT);
            assertThat(r.error().orElseThrow().message()).isEqualTo("Cell ran past its time limit and was stopped");
            p.agent().clearStop();
            p.engine().evaluate("kept + 1", "In[3]");
            assertThat(p.agent().takeLastValue()).isEqualTo(8);
        }
    }

    @Test
    void codeThatThrowsTheStopItselfIsAnErrorNotAStop() throws Exception {
        try (Pair p = pair()) {
            CellResult r = p.engine().evaluate(
                    "throw new ttlab.kernel.engine.ExecutionStopped(ttlab.kernel.engine.ExecutionStopped.Reason.TIMED_OUT);", "In[1]");
            assertThat(r.status()).isEqualTo(CellResult.Status.RUNTIME_ERROR);
            assertThat(r.error().orElseThrow().name()).isEqualTo("ttlab.kernel.engine.ExecutionStopped");
        }
    }

    @Test
    void stopsComeFromTheAgentOnly() throws Exception {
        try (Pair p = pair()) {
            assertThatThrownBy(() -> p.engine().interrupt()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> CellEngine.builder().timeout(Duration.ofSeconds(1))
                    .runSnippetsElsewhere(InputStream.nullInputStream(), OutputStream.nullOutputStream()).build())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theOwnersCommandsRunOnTheAgentBetweenSnippets() throws Exception {
        try (Pair p = pair()) {
            p.agent().command("lastValue", argument -> argument + String.valueOf(p.agent().takeLastValue()));
            p.agent().command("refuse", argument -> {
                throw new IllegalArgumentException("not now");
            });
            p.engine().evaluate("6 * 7", "In[1]");
            assertThat(p.engine().askAgent("lastValue", "value: ")).isEqualTo("value: 42");
            assertThat(p.engine().askAgent("lastValue", null)).isEqualTo("nullnull");
            assertThatThrownBy(() -> p.engine().askAgent("refuse", ""))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("refuse failed")
                    .hasMessageContaining("not now");
            assertThatThrownBy(() -> p.engine().askAgent("nothing", ""))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no such command: nothing");
            assertThatThrownBy(() -> p.agent().command(SnippetAgent.STOP_REASON, argument -> "forged"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(p.engine().evaluate("1 + 1", "In[2]").succeeded()).as("the engine goes on").isTrue();
        }
        try (CellEngine local = CellEngine.builder().build()) {
            assertThatThrownBy(() -> local.askAgent("lastValue", "")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void aChildJvmRunsTheSnippetsAndTimesThem() throws Exception {
        Process child = agentProcess("--invoke-limit-ms", "2000");
        try (CellEngine engine = CellEngine.builder()
                .runSnippetsElsewhere(child.getInputStream(), child.getOutputStream()).build()) {
            CellResult pid = engine.evaluate("System.out.println(\"a print goes to the agent's stderr\");\n"
                    + "throw new RuntimeException(\"pid \" + ProcessHandle.current().pid());", "In[1]");
            assertThat(pid.error().orElseThrow().message()).isEqualTo("pid " + child.pid());
            CellResult loop = engine.evaluate("long n = 0;\nwhile (true) { n++; }", "In[2]");
            assertThat(loop.status()).isEqualTo(CellResult.Status.TIMED_OUT);
            assertThat(engine.evaluate("String s = \"still \" + \"here\";\ns.length()", "In[3]").succeeded()).isTrue();
        } finally {
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the agent ends when the engine closes").isTrue();
            child.destroyForcibly();
        }
    }

    @Test
    void overNamedPipesTheAgentsOwnOutputCannotCorruptTheProtocol(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path in = dir.resolve("to-agent");
        Path out = dir.resolve("from-agent");
        assertThat(new ProcessBuilder("mkfifo", in.toString(), out.toString()).start().waitFor()).isZero();
        // The JVM logs every class it loads on standard output, as the whole run goes.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"),
                SnippetAgent.class.getName(), "--channel", in.toString(), out.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<byte[]> printed = CompletableFuture.supplyAsync(() -> {
            try {
                return child.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            OutputStream toAgent = new java.io.FileOutputStream(in.toFile());
            InputStream fromAgent = new java.io.FileInputStream(out.toFile());
            try (CellEngine engine = CellEngine.builder().runSnippetsElsewhere(fromAgent, toAgent).build()) {
                CellResult r = engine.evaluate("System.out.println(\"a print on the agent's standard output\");\n"
                        + "String.valueOf(ProcessHandle.current().pid()).length()", "In[1]");
                assertThat(r.succeeded()).as(r.toString()).isTrue();
            }
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the agent ends when the engine closes").isTrue();
            assertThat(new String(printed.get(20, TimeUnit.SECONDS), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("a print on the agent's standard output").contains("[class,load]");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void anAgentThatEndsFailsTheCellWithAClearError() throws Exception {
        Process child = agentProcess();
        try (CellEngine engine = CellEngine.builder()
                .runSnippetsElsewhere(child.getInputStream(), child.getOutputStream()).build()) {
            assertThat(engine.evaluate("int before = 1;", "In[1]").succeeded()).isTrue();
            child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            CellResult r = engine.evaluate("before + 1", "In[1]");
            assertThat(r.status()).isEqualTo(CellResult.Status.RUNTIME_ERROR);
            assertThat(r.error().orElseThrow().name()).isEqualTo(CellError.RUNNER_ENDED);
            assertThat(engine.evaluate("1 + 1", "In[2]").error().orElseThrow().name()).isEqualTo(CellError.RUNNER_ENDED);
        } finally {
            child.destroyForcibly();
        }
    }

    /** A child JVM that serves {@link SnippetAgent#main} on its standard streams. */
    private static Process agentProcess(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(SnippetAgent.JVM_LOG_TO_STDERR);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SnippetAgent.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Set when Java serialization instantiates it: a gadget a hostile agent might send. */
    static final class Tripwire implements Serializable {
        static volatile boolean built;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            built = true;
            in.defaultReadObject();
        }
    }

    @Test
    void anAgentCannotMakeTheEngineDeserializeOtherTypes() throws Exception {
        CellResult r = withFakeAgent("CMD_LOAD", out -> {
            out.writeInt(106); // a failed load, whose "installed" flags are deserialized
            out.writeUTF("no");
            out.writeObject(new Tripwire());
        });
        assertThat(Tripwire.built).isFalse();
        assertThat(r.error().orElseThrow().name()).isEqualTo(CellError.RUNNER_ENDED);
        assertThat(r.error().orElseThrow().message()).contains("filter");
    }

    @Test
    void anAgentCannotCrashTheEngineWithAWrongType() throws Exception {
        CellResult r = withFakeAgent("CMD_LOAD", out -> {
            out.writeInt(106);
            out.writeUTF("no");
            out.writeObject("a string where boolean[] belongs");
        });
        assertThat(r.error().orElseThrow().name()).isEqualTo(CellError.RUNNER_ENDED);
        assertThat(r.error().orElseThrow().message()).contains("out of protocol");
    }

    @Test
    void anAnswerWithoutEndIsCutAtItsBudget() throws Exception {
        CellResult r = withFakeAgent("CMD_INVOKE", out -> {
            out.writeInt(104); // an exception in the code, whose stack trace is deserialized
            out.writeUTF("message");
            out.writeUTF("java.lang.RuntimeException");
            StackTraceElement[] trace = new StackTraceElement[200]; // 12 MB, 3 times the budget
            for (int i = 0; i < trace.length; i++) {
                trace[i] = new StackTraceElement("x".repeat(60_000) + i, "m", "F.java", i);
            }
            out.writeObject(trace); // the engine stops reading part way: the write then fails
        });
        assertThat(r.error().orElseThrow().message()).contains("longer than " + ForwardedSnippetExecution.ANSWER_LIMIT);
    }

    /** What a fake agent writes as its answer. */
    private interface Answer {
        void write(ObjectOutputStream out) throws IOException;
    }

    /**
     * Evaluates {@code 1 + 1} against an agent that loads classes until the command
     * {@code answered} comes, which it answers with {@code answer}; a write the engine no
     * longer reads ends the fake agent.
     */
    private static CellResult withFakeAgent(String answered, Answer answer) throws Exception {
        PipedInputStream fromAgent = new PipedInputStream(1 << 16);
        PipedOutputStream agentOut = new PipedOutputStream(fromAgent);
        PipedInputStream toAgentIn = new PipedInputStream(1 << 16);
        PipedOutputStream toAgent = new PipedOutputStream(toAgentIn);
        Thread fake = new Thread(() -> {
            try {
                ObjectOutputStream out = new ObjectOutputStream(agentOut);
                out.flush();
                ObjectInputStream in = new ObjectInputStream(toAgentIn);
                while (true) {
                    in.readInt(); // the command's prefix
                    String command = in.readUTF();
                    if (command.equals(answered)) {
                        answer.write(out);
                        out.flush();
                        return;
                    }
                    in.readObject(); // a load's classes
                    out.writeInt(100); // loaded
                    out.flush();
                }
            } catch (IOException | ClassNotFoundException e) {
                // the engine closed, or stopped reading the answer
            }
        }, "fake-agent");
        fake.setDaemon(true);
        fake.start();
        try (CellEngine engine = CellEngine.builder().runSnippetsElsewhere(fromAgent, toAgent).build()) {
            CellResult r = engine.evaluate("1 + 1", "In[1]");
            assertThat(r.succeeded()).isFalse();
            return r;
        }
    }
}

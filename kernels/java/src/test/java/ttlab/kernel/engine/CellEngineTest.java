package ttlab.kernel.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CellEngineTest {

    private static CellEngine engine;

    @BeforeAll
    static void start() {
        engine = CellEngine.builder().build();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void lastExpressionOfAMultiSnippetCellIsItsValue() {
        CellResult r = engine.evaluate("int a = 2;\nint b = 3;\na * b", "In[1]");
        assertThat(r.succeeded()).as(r.toString()).isTrue();
        assertThat(r.hasValue()).isTrue();
        assertThat(r.value()).isEqualTo(6);
    }

    @Test
    void aTrailingSemicolonHidesTheValueAsInIPython() {
        assertThat(engine.evaluate("1 + 1;", "In[1]").hasValue()).isFalse();
        assertThat(engine.evaluate("1 + 1", "In[1]").hasValue()).isTrue();
        assertThat(engine.evaluate("String.valueOf(3);  // shown? no", "In[1]").hasValue()).isFalse();
    }

    @Test
    void statementsAndDeclarationsHaveNoValue() {
        assertThat(engine.evaluate("int unused = 4;", "In[1]").hasValue()).isFalse();
        assertThat(engine.evaluate("System.out.print(\"\")", "In[1]").hasValue()).isFalse();
        assertThat(engine.evaluate("void noop() {}", "In[1]").hasValue()).isFalse();
    }

    @Test
    void valuesAreTheObjectsThemselves() {
        CellResult r = engine.evaluate("new int[]{1, 2, 3}", "In[1]");
        assertThat(r.value()).isInstanceOf(int[].class);
        assertThat((int[]) r.value()).containsExactly(1, 2, 3);
    }

    @Test
    void redefinitionAndForwardReferencesWorkAsInJShell() {
        engine.evaluate("int f() { return 1; }", "In[1]");
        engine.evaluate("int f() { return 2; }", "In[2]");
        assertThat(engine.evaluate("f()", "In[3]").value()).isEqualTo(2);

        CellResult forward = engine.evaluate("int g() { return h(); }", "In[4]");
        assertThat(forward.succeeded()).isTrue();
        assertThat(forward.notes()).singleElement().asString().contains("g").contains("h()");
        engine.evaluate("int h() { return 5; }", "In[5]");
        assertThat(engine.evaluate("g()", "In[6]").value()).isEqualTo(5);
    }

    @Test
    void compileErrorsPointAtTheCellLineAndSpan() {
        CellResult r = engine.evaluate("int ok = 1;\nint y = \"text\";", "In[7]");
        assertThat(r.status()).isEqualTo(CellResult.Status.COMPILE_ERROR);
        CellError error = r.error().orElseThrow();
        assertThat(error.name()).isEqualTo(CellError.COMPILATION_ERROR);
        CompileDiagnostic d = error.diagnostics().get(0);
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.sourceLine()).isEqualTo("int y = \"text\";");
        assertThat(d.sourceLine().substring(d.spanStart() - 1, d.spanEnd() - 1)).isEqualTo("\"text\"");
        assertThat(error.message()).contains("In[7] line 2").contains("incompatible types");
        assertThat(String.join("\n", error.traceback())).contains("^^^^^^");
    }

    @Test
    void unparsableCodeIsACompileErrorNotACrash() {
        CellResult r = engine.evaluate("int x = ;\n", "In[8]");
        assertThat(r.status()).isEqualTo(CellResult.Status.COMPILE_ERROR);
        assertThat(engine.evaluate(")", "In[9]").status()).isEqualTo(CellResult.Status.COMPILE_ERROR);
        assertThat(engine.evaluate("for (int i = 0; i < 3; i++) {", "In[10]").status())
                .isEqualTo(CellResult.Status.COMPILE_ERROR);
    }

    @Test
    void runtimeErrorsShowTheStudentsFramesOnly() {
        engine.evaluate("int divide(int a, int b) {\n    return a / b;\n}", "In[11]");
        CellResult r = engine.evaluate("int q = 1;\ndivide(q, 0)", "In[12]");
        assertThat(r.status()).isEqualTo(CellResult.Status.RUNTIME_ERROR);
        CellError error = r.error().orElseThrow();
        assertThat(error.name()).isEqualTo("java.lang.ArithmeticException");
        assertThat(error.message()).isEqualTo("/ by zero");
        String trace = String.join("\n", error.traceback());
        assertThat(trace).contains("at divide (In[11] line 2)").contains("(In[12] line 2)");
        assertThat(trace).doesNotContain("$JShell$").doesNotContain("jdk.jshell").doesNotContain("reflect");
    }

    @Test
    void exceptionsInNestedClassesAndLibrariesKeepUsefulFrames() {
        engine.evaluate("class Parser {\n  int parse(String s) { return Integer.parseInt(s); }\n}", "In[13]");
        CellResult r = engine.evaluate("new Parser().parse(\"x\")", "In[14]");
        String trace = String.join("\n", r.error().orElseThrow().traceback());
        assertThat(trace).contains("java.lang.NumberFormatException").contains("Integer.parseInt")
                .contains("at Parser.parse (In[13] line 2)");
    }

    @Test
    void interruptStopsABusyLoopAndKeepsState() throws Exception {
        engine.evaluate("int kept = 7;", "In[15]");
        CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(
                () -> engine.evaluate("while (true) {}", "In[16]"));
        Thread.sleep(300);
        long t0 = System.nanoTime();
        engine.interrupt();
        // Margins for a loaded machine: a stop takes microseconds, the waits only bound a hang.
        CellResult r = running.get(10, TimeUnit.SECONDS);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5.0);
        assertThat(r.status()).isEqualTo(CellResult.Status.INTERRUPTED);
        assertThat(engine.evaluate("kept", "In[17]").value()).isEqualTo(7);
    }

    @Test
    void interruptStopsLoopsThatSwallowErrorsAndSleeps() throws Exception {
        String stubborn = "void spin() {\n  while (true) {\n    try { Thread.sleep(10_000); } catch (Throwable t) { }\n  }\n}";
        engine.evaluate(stubborn, "In[18]");
        CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(
                () -> engine.evaluate("spin();", "In[19]"));
        Thread.sleep(300);
        engine.interrupt();
        assertThat(running.get(10, TimeUnit.SECONDS).status()).isEqualTo(CellResult.Status.INTERRUPTED);
    }

    @Test
    void anInterruptBeforeACellIsAskedForDoesNotStopIt() {
        engine.interrupt();
        CellResult r = engine.evaluate("40 + 2", "In[20]");
        assertThat(r.succeeded()).as(r.toString()).isTrue();
        assertThat(r.value()).isEqualTo(42);
    }

    @Test
    void anInterruptWhileACellWaitsToStartStopsThatCell() throws Exception {
        // The cell thread is busy with other work; the endless cell is asked for and waits. An
        // interrupt now must not be lost when the waiting cell finally starts. (Its own engine with
        // a time limit: were the interrupt lost, the cell would end TIMED_OUT, not hang the tests.)
        try (CellEngine own = CellEngine.builder().timeout(Duration.ofSeconds(20)).build()) {
            java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            CompletableFuture<Object> occupying = CompletableFuture.supplyAsync(() -> own.runStoppable(() -> {
                busy.countDown();
                release.await(10, TimeUnit.SECONDS);
                return null;
            }));
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            long asked = own.workAskedFor();
            CompletableFuture<CellResult> waiting = CompletableFuture.supplyAsync(
                    () -> own.evaluate("while (true) {}", "In[21]"));
            while (own.workAskedFor() == asked) {
                Thread.sleep(5);
            }
            own.interrupt();
            release.countDown();
            assertThat(waiting.get(60, TimeUnit.SECONDS).status()).isEqualTo(CellResult.Status.INTERRUPTED);
            occupying.handle((v, e) -> v).get(10, TimeUnit.SECONDS);
            assertThat(own.evaluate("1 + 1", "In[22]").value()).isEqualTo(2);
        }
    }

    @Test
    void cellTimeoutReallyStopsTheCode() {
        // The limit applies to every cell, compiling included: 3 s leaves the follow-up cell
        // room to compile on a loaded machine, where 0.5 s did not.
        try (CellEngine timed = CellEngine.builder().timeout(Duration.ofSeconds(3)).build()) {
            long t0 = System.nanoTime();
            CellResult r = timed.evaluate("long n = 0; while (true) { n++; }", "In[1]");
            assertThat(r.status()).isEqualTo(CellResult.Status.TIMED_OUT);
            assertThat(r.error().orElseThrow().message()).contains("timed out after 3 s");
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(15.0);
            assertThat(timed.evaluate("1 + 1", "In[2]").value()).isEqualTo(2);
        }
    }

    @Test
    void redefiningAVariableReleasesTheOldValue() {
        CellResult r = engine.evaluate("Object big = new byte[1 << 20];\nbig", "In[20]");
        WeakReference<Object> old = new WeakReference<>(r.value());
        r = null;
        engine.evaluate("Object big = \"small\";", "In[21]");
        for (int i = 0; i < 20 && old.get() != null; i++) {
            System.gc();
        }
        assertThat(old.get()).as("the old value of a redefined variable is released").isNull();
    }

    @Test
    void aCellThatDeclaresAndUsesAVariableRunsAgain() {
        String cell = "int[] counts = new int[1];\ncounts[0] = 5;\ncounts[0]";

        assertThat(engine.evaluate(cell, "In[30]").value()).isEqualTo(5);
        CellResult again = engine.evaluate(cell, "In[31]");

        assertThat(again.succeeded()).as(again.toString()).isTrue();
        assertThat(again.value()).isEqualTo(5);
    }

    @Test
    void rerunningAnIdenticalDeclarationReleasesTheOldValue() {
        String cell = "Object same = new byte[1 << 20];\nsame";
        WeakReference<Object> old = new WeakReference<>(engine.evaluate(cell, "In[32]").value());

        CellResult again = engine.evaluate(cell, "In[33]");

        assertThat(again.value()).isNotSameAs(old.get());
        for (int i = 0; i < 20 && old.get() != null; i++) {
            System.gc();
        }
        assertThat(old.get()).as("the first run's value is released").isNull();
    }

    @Test
    void exitCallsEndTheCellNotTheJvm() {
        for (String exit : List.of("System.exit(3);", "Runtime.getRuntime().exit(4);", "Runtime.getRuntime().halt(5);")) {
            CellResult r = engine.evaluate(exit, "In[23]");
            assertThat(r.status()).as(exit).isEqualTo(CellResult.Status.RUNTIME_ERROR);
            assertThat(r.error().orElseThrow().message()).contains("was not run").contains("kernel's JVM");
        }
        engine.evaluate("void quit() { if (true) System.exit(0); }", "In[24]");
        assertThat(engine.evaluate("quit();", "In[25]").error().orElseThrow().message()).contains("System.exit(0)");
        assertThat(engine.evaluate("2 + 2", "In[26]").value()).isEqualTo(4);
    }

    @Test
    void assertStatementsAreEnabled() {
        CellResult r = engine.evaluate("assert 1 > 2 : \"math\";", "In[22]");
        assertThat(r.status()).isEqualTo(CellResult.Status.RUNTIME_ERROR);
        assertThat(r.error().orElseThrow().name()).isEqualTo("java.lang.AssertionError");
    }

    @Test
    void splitterFindsEverySnippetAndItsOffset() {
        String cell = "int a = 1;\n\n  void f() {\n  }\na + 1";
        List<CellSplitter.Piece> pieces = engine.withShell(s -> CellSplitter.split(s.sourceCodeAnalysis(), cell));
        assertThat(pieces).hasSize(3);
        assertThat(cell.substring(pieces.get(1).start())).startsWith("void f()");
        assertThat(CellSplitter.lineOf(cell, pieces.get(2).start())).isEqualTo(5);
    }
}

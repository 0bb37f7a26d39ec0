package ttlab.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CellRunnerTest {

    private static CellEngine engine;

    @TempDir
    static Path folder;

    private static CellRunner runner;

    @BeforeAll
    static void start() {
        engine = CellEngine.builder().build();
        runner = new CellRunner(engine, folder);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void codeAroundLineMagicsRunsInOrderAndErrorsKeepCellLines() {
        CellResult ok = runner.run("int a = 20;\n%time a += 1;\na * 2", "In[1]");
        assertThat(ok.value()).isEqualTo(42);
        CellResult bad = runner.run("int z = 1;\n%time z++;\nString s = z;", "In[2]");
        assertThat(bad.error().orElseThrow().diagnostics().get(0).line()).isEqualTo(3);
    }

    @Test
    void timeMagicPrintsTheWallTime() {
        String printed = capture(() -> runner.run("%%time\nThread.sleep(50);", "In[3]"));
        assertThat(printed).containsPattern("Wall time: \\d+\\.\\d ms");
        double ms = Double.parseDouble(printed.replaceAll("(?s).*Wall time: ([0-9.]+) ms.*", "$1"));
        assertThat(ms).isGreaterThanOrEqualTo(50.0);
    }

    @Test
    void unknownMagicsListTheKnownOnes() {
        CellResult r = runner.run("%nosuch x", "In[4]");
        assertThat(r.error().orElseThrow().message()).contains("%nosuch").contains("%classpath").contains("%load");
    }

    @Test
    void classpathMagicMakesCompiledClassesUsable() throws Exception {
        Path src = folder.resolve("src/greeting/Hello.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package greeting; public class Hello { public static String hi() { return \"hi\"; } }");
        Path classes = folder.resolve("classes");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertThat(rc).isZero();
        assertThat(runner.run("greeting.Hello.hi()", "In[5]").succeeded()).isFalse();
        assertThat(runner.run("%classpath classes", "In[6]").succeeded()).isTrue();
        assertThat(runner.run("greeting.Hello.hi()", "In[7]").value()).isEqualTo("hi");
        assertThat(runner.run("%classpath does/not/exist", "In[8]").error().orElseThrow().message())
                .contains("no such file or folder");
    }

    @Test
    void loadRunsJshellFilesAndNotebooks() throws Exception {
        Files.writeString(folder.resolve("helpers.jsh"), "int triple(int x) { return 3 * x; }\n");
        assertThat(runner.run("%load helpers.jsh", "In[9]").succeeded()).isTrue();
        assertThat(runner.run("triple(5)", "In[10]").value()).isEqualTo(15);

        Files.writeString(folder.resolve("lib.ipynb"), "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {},"
                + " \"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"# notes\"},"
                + " {\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null,"
                + "  \"source\": [\"int base = 10;\\n\", \"int plus(int x) { return base + x; }\"]}]}");
        assertThat(runner.run("%load lib.ipynb", "In[11]").succeeded()).isTrue();
        assertThat(runner.run("plus(5)", "In[12]").value()).isEqualTo(15);
    }

    @Test
    void loadExplainsMissingAndMalformedFiles() throws Exception {
        assertThat(runner.run("%load nothing.jsh", "In[13]").error().orElseThrow().message()).contains("cannot read");
        Files.writeString(folder.resolve("bad.ipynb"), "{ not json");
        assertThat(runner.run("%load bad.ipynb", "In[14]").error().orElseThrow().message()).contains("not a valid notebook");
    }

    private static String capture(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}

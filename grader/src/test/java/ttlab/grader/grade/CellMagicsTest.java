package ttlab.grader.grade;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission's magics while grading: %time runs its code; %maven, %jars, %classpath and %load
 * are refused with a note, add nothing to the class path and fetch nothing.
 */
class CellMagicsTest {

    @TempDir
    static Path folder;

    private static CellEngine engine;
    private static Path probeJar;

    @BeforeAll
    static void start() throws IOException {
        engine = CellEngine.builder().build();
        // The probe, in a jar and in a local Maven repository: a magic that added it would make it compile.
        probeJar = probeJar(folder.resolve("repo/org/example/probe/1.0"));
        Files.writeString(folder.resolve("repo/org/example/probe/1.0/probe-1.0.pom"), "<project><modelVersion>4.0.0"
                + "</modelVersion><groupId>org.example</groupId><artifactId>probe</artifactId><version>1.0</version></project>");
    }

    private static Path probeJar(Path into) throws IOException {
        Path source = Files.createDirectories(folder.resolve("src/probe")).resolve("Probe.java");
        Files.writeString(source, "package probe; public class Probe {}");
        Path classes = folder.resolve("classes");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
        Path jar = Files.createDirectories(into).resolve("probe-1.0.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("probe/Probe.class"));
            zip.write(Files.readAllBytes(classes.resolve("probe/Probe.class")));
            zip.closeEntry();
        }
        return jar;
    }

    private static void assertProbeIsNotThere() {
        CellResult use = CellMagics.run(engine, "new probe.Probe()", "probe").result();
        assertThat(use.status()).as("nothing was added to what graded code compiles against")
                .isEqualTo(CellResult.Status.COMPILE_ERROR);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void mavenIsRefusedAndAddsNothing() {
        String before = System.getProperty("maven.repo.local");
        System.setProperty("maven.repo.local", folder.resolve("repo").toString());
        try {
            CellMagics.Outcome outcome = CellMagics.run(engine,
                    "%maven org.example:probe:1.0\nint afterMaven = 3;\nafterMaven * 2", "In[1]");

            assertThat(outcome.result().succeeded()).as(outcome.result().toString()).isTrue();
            assertThat(outcome.result().value()).as("the code after the magic still runs").isEqualTo(6);
            assertThat(outcome.notes()).containsExactly("line 1: %maven is not run while grading "
                    + "(graded code has the course's libraries only, and nothing is downloaded while grading)");
            assertProbeIsNotThere();
        } finally {
            if (before == null) {
                System.clearProperty("maven.repo.local");
            } else {
                System.setProperty("maven.repo.local", before);
            }
        }
    }

    @Test
    void jarsClasspathAndLoadAreRefused() throws IOException {
        Files.writeString(folder.resolve("helpers.jsh"), "int loaded = 1;");
        CellMagics.Outcome outcome = CellMagics.run(engine, "%jars " + probeJar + "\n%classpath " + probeJar.getParent()
                + "/*\n%load " + folder.resolve("helpers.jsh") + "\nint afterLoad = 1;", "In[3]");

        assertThat(outcome.result().succeeded()).isTrue();
        assertProbeIsNotThere();
        assertThat(CellMagics.run(engine, "loaded", "probe").result().status()).isEqualTo(CellResult.Status.COMPILE_ERROR);
        assertThat(outcome.notes()).containsExactly(
                "line 1: %jars is not run while grading (graded code has the course's libraries only, and your files are not there)",
                "line 2: %classpath is not run while grading (graded code has the course's libraries only, and your files are not there)",
                "line 3: %load is not run while grading (your files are not there while grading; put the code in a cell)");
    }

    @Test
    void timeRunsItsCodeAndOtherCellMagicsAreRefused() {
        assertThat(CellMagics.run(engine, "%time int timed = 4;\ntimed + 1", "In[4]").result().value()).isEqualTo(5);
        CellMagics.Outcome refused = CellMagics.run(engine, "%%bash\nrm -rf /", "In[5]");
        assertThat(refused.notes()).containsExactly("%%bash is not run while grading (only %time and %%time run while grading)");
    }
}

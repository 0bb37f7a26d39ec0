package ttlab.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** %maven and %jars, as IJava and JJava users type them. */
class JarMagicsTest {

    @TempDir
    static Path folder;

    private static CellEngine engine;
    private static CellRunner runner;
    private static final List<List<String>> announced = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        TestRepository repository = new TestRepository(folder.resolve("repo"));
        Path base = TestRepository.jar(folder.resolve("base.jar"),
                Map.of("base/Base.java", "package base; public class Base { public static int two() { return 2; } }"), Map.of());
        Path top = TestRepository.jar(folder.resolve("top.jar"),
                Map.of("top/Top.java", "package top; public class Top { public static int four() { return 2 * 2; } }"), Map.of());
        repository.install("org.example", "base", "1.0", base, "");
        repository.install("org.example", "top", "1.0", top, TestRepository.dependency("org.example", "base", "1.0"));
        Files.createDirectories(folder.resolve("lib"));
        Files.copy(base, folder.resolve("lib/base-1.0.jar"));
        Files.writeString(folder.resolve("lib/notes.txt"), "not a jar");

        engine = CellEngine.builder().build();
        runner = new CellRunner(engine, folder,
                () -> new MavenArtifacts(repository.root(), List.of(TestRepository.NOWHERE)));
        runner.onClasspathAdded(announced::add);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void mavenAddsTheArtifactAndItsDependenciesFromTheLocalRepository() {
        CellResult added = runner.run("%maven org.example:top:1.0", "In[1]");

        assertThat(added.succeeded()).as(added.toString()).isTrue();
        assertThat(runner.run("top.Top.four() + base.Base.two()", "In[2]").value()).isEqualTo(6);
        assertThat(announced).anySatisfy(entries -> assertThat(entries)
                .anyMatch(e -> e.endsWith("top-1.0.jar")).anyMatch(e -> e.endsWith("base-1.0.jar")));
    }

    @Test
    void mavenExplainsWhatItCannotResolve() {
        assertThat(runner.run("%maven org.example:absent:9", "In[3]").error().orElseThrow().message())
                .startsWith("%maven: cannot resolve org.example:absent:9").contains("offline?");
        assertThat(runner.run("%maven absent", "In[4]").error().orElseThrow().message())
                .contains("not a Maven coordinate: 'absent'");
        assertThat(runner.run("%maven", "In[5]").error().orElseThrow().message())
                .contains("%maven group:artifact:version");
    }

    @Test
    void jarsTakesGlobsInTheFileName() {
        CellResult added = runner.run("%jars lib/base-*.jar", "In[6]");

        assertThat(added.succeeded()).as(added.toString()).isTrue();
        assertThat(announced).contains(List.of(folder.resolve("lib/base-1.0.jar").toString()));
        assertThat(runner.run("%jars lib/nothing-*.jar", "In[7]").error().orElseThrow().message())
                .contains("nothing in").contains("matches nothing-*.jar");
    }
}

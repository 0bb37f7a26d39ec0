package ttlab.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static ttlab.kernel.TestRepository.NOWHERE;

/** Resolution from a local repository made by the test; the remote one is unreachable on purpose. */
class MavenArtifactsTest {

    @TempDir
    Path folder;

    @Test
    void resolvesAnArtifactAndItsDependencyFromTheLocalRepositoryAlone() throws IOException {
        TestRepository repository = new TestRepository(folder.resolve("repo"));
        Path jar = TestRepository.jar(folder.resolve("any.jar"), Map.of("p/A.java", "package p; public class A {}"), Map.of());
        repository.install("org.example", "util", "1.0", jar, "");
        repository.install("org.example", "app", "2.1", jar, TestRepository.dependency("org.example", "util", "1.0"));

        List<Path> jars = new MavenArtifacts(repository.root(), List.of(NOWHERE)).resolve(List.of("org.example:app:2.1"));

        assertThat(jars).extracting(p -> p.getFileName().toString()).containsExactly("app-2.1.jar", "util-1.0.jar");
        assertThat(jars).allMatch(Files::isRegularFile);
    }

    @Test
    void aMissingArtifactOfflineGivesAClearError() {
        MavenArtifacts maven = new MavenArtifacts(folder, List.of(NOWHERE));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> maven.resolve(List.of("org.example:absent:1.0")));

        assertThat(e.getMessage()).contains("cannot resolve org.example:absent:1.0")
                .contains(folder.toString()).contains(NOWHERE).contains("offline?");
    }

    @Test
    void aMalformedCoordinateIsRefused() {
        MavenArtifacts maven = new MavenArtifacts(folder, List.of(NOWHERE));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> maven.resolve(List.of("just-a-name")));

        assertThat(e.getMessage()).contains("'just-a-name'").contains("group:artifact:version");
    }
}

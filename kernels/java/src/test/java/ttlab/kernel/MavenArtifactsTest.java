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

/**
 * Resolution from a local repository made by the test; the remote one is unreachable on
 * purpose, or a folder (file: URL) that the resolver reads as it reads a server.
 */
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
    void dependenciesDeclaredInAProfileActivatedByTheJdkCount() throws IOException {
        TestRepository repository = new TestRepository(folder.resolve("repo"));
        Path jar = TestRepository.jar(folder.resolve("any.jar"), Map.of("p/A.java", "package p; public class A {}"), Map.of());
        repository.install("org.example", "util", "1.0", jar, "");
        repository.install("org.example", "app", "1.0", jar, "<profiles><profile><id>modern</id>"
                + "<activation><jdk>[1.8,)</jdk></activation>"
                + TestRepository.dependency("org.example", "util", "1.0") + "</profile></profiles>");

        List<Path> jars = new MavenArtifacts(repository.root(), List.of(NOWHERE)).resolve(List.of("org.example:app:1.0"));

        assertThat(jars).extracting(p -> p.getFileName().toString()).containsExactly("app-1.0.jar", "util-1.0.jar");
    }

    @Test
    void aParentPomMissingLocallyIsFetchedNotIgnored() throws IOException {
        TestRepository local = new TestRepository(folder.resolve("local"));
        TestRepository remote = new TestRepository(folder.resolve("remote"));
        Path jar = TestRepository.jar(folder.resolve("any.jar"), Map.of("p/A.java", "package p; public class A {}"), Map.of());
        local.install("org.example", "util", "1.0", jar, "");
        local.install("org.example", "app", "1.0", jar,
                "<parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>1</version></parent>");
        remote.installPom("org.example", "parent", "1", "<packaging>pom</packaging>"
                + TestRepository.dependency("org.example", "util", "1.0"));

        List<Path> jars = new MavenArtifacts(local.root(), List.of(remote.root().toUri().toString()))
                .resolve(List.of("org.example:app:1.0"));

        assertThat(jars).extracting(p -> p.getFileName().toString()).containsExactly("app-1.0.jar", "util-1.0.jar");
    }

    @Test
    void aMissingArtifactOfflineGivesAClearError() {
        MavenArtifacts maven = new MavenArtifacts(folder, List.of(NOWHERE));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> maven.resolve(List.of("org.example:absent:1.0")));

        assertThat(e.getMessage()).contains("cannot resolve org.example:absent:1.0")
                .contains(folder.toString()).contains(NOWHERE + " cannot be reached (offline?)");
    }

    @Test
    void aMissingArtifactOnAReachableRepositoryIsNotBlamedOnTheNetwork() throws IOException {
        String remote = Files.createDirectories(folder.resolve("remote")).toUri().toString();
        MavenArtifacts maven = new MavenArtifacts(folder.resolve("local"), List.of(remote));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> maven.resolve(List.of("org.example:absent:1.0")));

        assertThat(e.getMessage()).contains("is not in the local repository", "nor in " + remote)
                .contains("org.example:absent").doesNotContain("offline?");
    }

    @Test
    void whatTheLocalRepositoryLacksIsFetchedFromTheRemoteOneIntoIt() throws IOException {
        TestRepository remote = new TestRepository(folder.resolve("remote"));
        Path jar = TestRepository.jar(folder.resolve("any.jar"), Map.of("p/A.java", "package p; public class A {}"), Map.of());
        remote.install("org.example", "util", "1.0", jar, "");
        Path local = folder.resolve("local");

        List<Path> jars = new MavenArtifacts(local, List.of(remote.root().toUri().toString()))
                .resolve(List.of("org.example:util:1.0"));

        assertThat(jars).containsExactly(local.resolve("org/example/util/1.0/util-1.0.jar"));
        assertThat(jars.get(0)).isRegularFile();
    }

    @Test
    void withNoRemoteRepositoryTheLocalOneIsAllThereIs() throws IOException {
        MavenArtifacts maven = new MavenArtifacts(folder, MavenArtifacts.remoteUrls("none"));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> maven.resolve(List.of("org.example:absent:1.0")));

        assertThat(e.getMessage()).contains("cannot resolve org.example:absent:1.0")
                .contains("no remote repository is set (TTLAB_MAVEN_REPOSITORIES=none)");
        try (var written = Files.walk(folder)) {
            assertThat(written.filter(Files::isRegularFile)).as("nothing is written into the local repository").isEmpty();
        }
    }

    @Test
    void theRemoteRepositoriesSettingNamesUrlsOrNone() {
        assertThat(MavenArtifacts.remoteUrls(null)).containsExactly(MavenArtifacts.CENTRAL);
        assertThat(MavenArtifacts.remoteUrls(" ")).containsExactly(MavenArtifacts.CENTRAL);
        assertThat(MavenArtifacts.remoteUrls("None")).isEmpty();
        assertThat(MavenArtifacts.remoteUrls("https://a.example/m2, https://b.example/m2"))
                .containsExactly("https://a.example/m2", "https://b.example/m2");
    }

    @Test
    void aMalformedCoordinateIsRefused() {
        MavenArtifacts maven = new MavenArtifacts(folder, List.of(NOWHERE));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> maven.resolve(List.of("just-a-name")));

        assertThat(e.getMessage()).contains("'just-a-name'").contains("group:artifact:version");
    }
}

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
 * {@code %maven} under a user's Maven settings: a mirror in front of an unreachable repository,
 * the local repository and offline mode they name, and a clear error for a broken file.
 */
class MavenSettingsTest {

    @TempDir
    Path folder;

    private Path settings(String body) throws IOException {
        return Files.writeString(folder.resolve("settings.xml"), "<settings>" + body + "</settings>");
    }

    private Path jar() throws IOException {
        return TestRepository.jar(folder.resolve("any.jar"), Map.of("p/A.java", "package p; public class A {}"), Map.of());
    }

    @Test
    void aMirrorOfEveryRepositoryIsWhereArtifactsComeFrom() throws IOException {
        TestRepository mirror = new TestRepository(folder.resolve("mirror"));
        mirror.install("org.example", "util", "1.0", jar(), "");
        mirror.install("org.example", "app", "1.0", jar(), TestRepository.dependency("org.example", "util", "1.0"));
        MavenSettings withMirror = MavenSettings.read(settings("<mirrors><mirror><id>campus</id><mirrorOf>*</mirrorOf>"
                + "<url>" + mirror.root().toUri() + "</url></mirror></mirrors>"), null);

        // The configured repository cannot be reached; only the mirror can.
        List<Path> jars = new MavenArtifacts(folder.resolve("local"), List.of(NOWHERE), withMirror)
                .resolve(List.of("org.example:app:1.0"));

        assertThat(jars).extracting(p -> p.getFileName().toString()).containsExactly("app-1.0.jar", "util-1.0.jar");
        assertThat(jars).allMatch(p -> p.startsWith(folder.resolve("local")));
    }

    @Test
    void withoutTheMirrorTheSameResolutionFailsOnTheUnreachableRepository() throws IOException {
        TestRepository mirror = new TestRepository(folder.resolve("mirror"));
        mirror.install("org.example", "app", "1.0", jar(), "");

        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                new MavenArtifacts(folder.resolve("local"), List.of(NOWHERE), MavenSettings.read(settings(""), null))
                        .resolve(List.of("org.example:app:1.0")));

        assertThat(e.getMessage()).contains(NOWHERE);
    }

    @Test
    void theLocalRepositoryAndOfflineModeAreTheSettings() throws IOException {
        Path local = folder.resolve("elsewhere");
        MavenSettings offline = MavenSettings.read(settings("<localRepository>" + local + "</localRepository>"
                + "<offline>true</offline>"), null);

        assertThat(offline.localRepository()).contains(local);
        assertThat(offline.offline()).isTrue();
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                new MavenArtifacts(local, List.of(NOWHERE), offline).resolve(List.of("org.example:app:1.0")));
        assertThat(e.getMessage()).contains("<offline>true</offline>").doesNotContain(NOWHERE);
    }

    @Test
    void theUserSettingsWinOverTheInstallationsAndMissingFilesChangeNothing() throws IOException {
        Path global = Files.writeString(folder.resolve("global.xml"),
                "<settings><localRepository>/from/global</localRepository></settings>");
        Path user = settings("<localRepository>/from/user</localRepository>");

        assertThat(MavenSettings.read(user, global).localRepository()).contains(Path.of("/from/user"));
        assertThat(MavenSettings.read(folder.resolve("absent.xml"), global).localRepository()).contains(Path.of("/from/global"));
        MavenSettings none = MavenSettings.read(folder.resolve("absent.xml"), null);
        assertThat(none.localRepository()).isEmpty();
        assertThat(none.offline()).isFalse();
    }

    @Test
    void aBrokenSettingsFileGivesAClearError() throws IOException {
        Path broken = settings("<mirrors><mirror>");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MavenSettings.read(broken, null));

        assertThat(e.getMessage()).startsWith("the Maven settings (" + broken + ") cannot be read");
    }
}

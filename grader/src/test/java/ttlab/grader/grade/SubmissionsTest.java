package ttlab.grader.grade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionsTest {

    @TempDir
    Path tmp;

    private Path touch(String path) throws IOException {
        Path file = tmp.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
        return file;
    }

    private List<String> ids(Path... args) throws IOException {
        return Submissions.find(List.of(args)).stream().map(Submissions.Submission::id).toList();
    }

    @Test
    void aNotebookGivenByNameIsItsFileName() throws IOException {
        assertThat(ids(touch("01-warmup.ipynb"))).containsExactly("01-warmup");
    }

    @Test
    void notebooksInFoldersArePrefixedWithTheirFolderAndSorted() throws IOException {
        touch("class/bob/01-warmup.ipynb");
        touch("class/alice/01-warmup.ipynb");
        touch("class/alice/02-attention.ipynb");
        touch("class/alice/notes.txt");
        touch("class/alice/.ipynb_checkpoints/01-warmup-checkpoint.ipynb");
        assertThat(ids(tmp.resolve("class")))
                .containsExactly("alice--01-warmup", "alice--02-attention", "bob--01-warmup");
    }

    @Test
    void collidingIdsTakeMoreOfTheirPath() throws IOException {
        touch("class/alice/hw/01.ipynb");
        touch("class/bob/hw/01.ipynb");
        assertThat(ids(tmp.resolve("class"))).containsExactly("alice--hw--01", "bob--hw--01");
    }

    @Test
    void idsAreSafeFileNames() throws IOException {
        touch("class/Zoë Müller/01 warm-up (final).ipynb");
        touch("class/..hidden-name/x.ipynb");
        assertThat(ids(tmp.resolve("class"))).allMatch(id -> id.matches("[A-Za-z0-9_][A-Za-z0-9._-]*"))
                .contains("Zo__M_ller--01_warm-up__final_");
    }

    @Test
    void theSameNotebookTwiceIsGradedOnce() throws IOException {
        Path nb = touch("a/01.ipynb");
        assertThat(ids(nb, tmp.resolve("a/../a/01.ipynb"))).containsExactly("01");
    }

    @Test
    void identicalNamesGivenDirectlyGetTheirFoldersThenACounter() throws IOException {
        assertThat(ids(touch("x/hw/01.ipynb"), touch("y/hw/01.ipynb"))).containsExactly("x--hw--01", "y--hw--01");
    }

    @Test
    void aMissingArgumentIsAnError() {
        assertThatThrownBy(() -> ids(tmp.resolve("nope.ipynb"))).isInstanceOf(IOException.class)
                .isNotInstanceOf(NoSuchFileException.class).hasMessageContaining("no such notebook or folder");
    }
}

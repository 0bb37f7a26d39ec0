package ttlab.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which notebook submit() hands in. */
class SubmitTest {

    @TempDir
    Path folder;

    @Test
    void theNamedNotebookRelativeToTheNotebooksFolder() throws IOException {
        Path nb = Files.writeString(folder.resolve("00-warmup.ipynb"), "{}");
        assertThat(Submit.notebookFile("00-warmup.ipynb", "/somewhere/else.ipynb", folder)).isEqualTo(nb);
        assertThatThrownBy(() -> Submit.notebookFile("01-attention.ipynb", null, folder))
                .hasMessageContaining("no notebook").hasMessageContaining("01-attention.ipynb");
    }

    @Test
    void elseTheSessionsNotebookAbsoluteOrByNameInTheKernelsFolder() throws IOException {
        Path nb = Files.writeString(folder.resolve("00-warmup.ipynb"), "{}");
        assertThat(Submit.notebookFile(null, nb.toString(), Path.of("/"))).isEqualTo(nb);
        // Relative to the server's root, which the kernel does not know; the kernel runs in the notebook's folder.
        assertThat(Submit.notebookFile(null, "exercises/00-warmup.ipynb", folder)).isEqualTo(folder.resolve("00-warmup.ipynb"));
        assertThatThrownBy(() -> Submit.notebookFile(null, null, folder)).hasMessageContaining("submit(\"00-warmup.ipynb\")");
        assertThatThrownBy(() -> Submit.notebookFile(null, "gone.ipynb", folder)).hasMessageContaining("cannot tell");
    }
}

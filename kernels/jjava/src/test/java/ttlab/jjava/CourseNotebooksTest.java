package ttlab.jjava;

import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exercise masters, cell by cell, on a JJava-like kernel with the extension: every cell runs,
 * and every check(...) shows its table with all tests passed. Cells that start with a magic
 * ({@code %time}) are JJava's own business and are left out, and so are a master's wrong
 * answers (role {@code wrong-answer}), which no student copy holds.
 */
class CourseNotebooksTest {

    private static final Path SOLUTIONS = Path.of("../../solutions");

    private JJavaLikeKernel kernel;

    @BeforeEach
    void start() {
        kernel = new JJavaLikeKernel();
        kernel.evalRaw("import static ttlab.jjava.JJavaStatics.*;");
        kernel.onStartup();
    }

    @AfterEach
    void stop() {
        kernel.onShutdown(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00-warmup.ipynb", "01-attention.ipynb", "05-state-space-models.ipynb"})
    void everyCellRunsAndEveryCheckPasses(String name) throws IOException {
        List<String> cells = NotebookCells.code(SOLUTIONS.resolve(name));
        int checks = 0;
        for (String cell : cells) {
            if (cell.startsWith("%")) {
                continue;
            }
            int before = kernel.displayed.size();
            kernel.evalRaw(cell);
            if (cell.contains("check(")) {
                checks++;
                assertThat(kernel.displayed).as(cell).hasSize(before + 1);
                String table = (String) kernel.displayed.get(before).getData(MIMEType.TEXT_PLAIN);
                assertThat(table).as(cell).containsPattern("(\\d+) of \\1 tests passed");
            }
        }
        assertThat(checks).isPositive();
    }
}

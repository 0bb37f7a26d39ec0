package ttlab.jjava;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ttlab.kernel.engine.CellSplitter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No cell of a course notebook ends in a value that JJava would show as an object's identity.
 *
 * <p>JJava shows the value of a cell's last snippet whenever it is an expression with a value; a
 * trailing {@code ;} does not hide it as it does on the ttlab kernel. A cell ending in an AssertJ
 * assertion would show {@code DoubleAssert@6f2b958e}, and one ending in
 * {@code System.out.printf(...)} a {@code PrintStream@...}. The course ends such cells with a
 * statement that has no value: {@code printf(...)} (void on both kernels) or a print after the
 * assertions. This test cuts each cell into snippets as the ttlab kernel does ({@link CellSplitter},
 * on JShell's own analysis, as JJava cuts them too) and reads the last snippet's source: it knows
 * these two shapes, not the types of every expression (charts, tables and other values a cell
 * ends in on purpose are shown on JJava as on the ttlab kernel).
 */
class CellEndingsTest {

    private static final List<Path> FOLDERS = List.of(Path.of("../../course"), Path.of("../../solutions"),
            Path.of("../../exercises"));

    /** AssertJ's entry points, which return an assertion object for chaining. */
    private static final Pattern ASSERTION = Pattern.compile(
            "^(org\\.assertj\\.core\\.api\\.)?((BDD)?Assertions\\.)?(assertThat\\w*|then\\w*)\\s*\\(");

    /** The PrintStream methods that return the stream. */
    private static final Pattern STREAM_PRINT = Pattern.compile("^System\\s*\\.\\s*(out|err)\\s*\\.\\s*(printf|format|append)\\s*\\(");

    private static JShell shell;

    @BeforeAll
    static void startShell() {
        shell = JShell.builder().executionEngine("local").build();
    }

    @AfterAll
    static void closeShell() {
        shell.close();
    }

    @Test
    void noCourseCellEndsInAnAssertionOrAPrintStream() throws IOException {
        List<Path> notebooks = new ArrayList<>();
        for (Path folder : FOLDERS) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.toString().endsWith(".ipynb")).sorted().forEach(notebooks::add);
            }
        }
        assertThat(notebooks).hasSizeGreaterThan(12);
        List<String> offending = new ArrayList<>();
        for (Path notebook : notebooks) {
            for (String cell : NotebookCells.code(notebook)) {
                String last = lastSnippet(cell);
                if (showsAnObject(last)) {
                    offending.add(notebook.getFileName() + ": " + last.lines().findFirst().orElse(""));
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theRuleKnowsBothShapesAndLetsStatementsBe() {
        assertThat(showsAnObject(lastSnippet("double x = 1;\nassertThat(x).isLessThan(2);   // checked"))).isTrue();
        assertThat(showsAnObject(lastSnippet("int n = 3;\nSystem.out.printf(\"%d%n\", n);"))).isTrue();
        assertThat(showsAnObject(lastSnippet("Assertions.assertThatThrownBy(() -> f()).isInstanceOf(Error.class)"))).isTrue();
        assertThat(showsAnObject(lastSnippet("assertThat(1).isOne();\n/* the value */\nprintf(\"%d%n\", 1);"))).isFalse();
        assertThat(showsAnObject(lastSnippet("for (int i = 0; i < 3; i++) {\n    assertThat(i).isLessThan(3);\n}"))).isFalse();
        assertThat(showsAnObject(lastSnippet("assertThat(1).isOne();\nSystem.out.println(\"ok\");"))).isFalse();
        assertThat(showsAnObject(lastSnippet("%time\nassertThat(1).isOne();"))).isTrue();
    }

    /**
     * The source of a cell's last snippet, cut as the ttlab kernel cuts cells ({@link CellSplitter},
     * with JShell's own analysis), without a leading magic line or comments.
     */
    private static String lastSnippet(String cell) {
        String code = cell.lines().dropWhile(line -> line.startsWith("%")).collect(Collectors.joining("\n"));
        List<CellSplitter.Piece> pieces = CellSplitter.split(shell.sourceCodeAnalysis(), code);
        return pieces.isEmpty() ? "" : withoutComments(pieces.get(pieces.size() - 1).source()).strip();
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    private static boolean showsAnObject(String snippet) {
        return ASSERTION.matcher(snippet).find() || STREAM_PRINT.matcher(snippet).find();
    }
}

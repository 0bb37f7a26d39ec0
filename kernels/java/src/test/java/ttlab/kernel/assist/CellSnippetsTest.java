package ttlab.kernel.assist;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CellSnippetsTest {

    private static JShell shell;
    private static SourceCodeAnalysis analysis;

    @BeforeAll
    static void startShell() {
        shell = JShell.builder().executionEngine("local").build();
        analysis = shell.sourceCodeAnalysis();
    }

    @AfterAll
    static void closeShell() {
        shell.close();
    }

    @Test
    void splitsACellIntoItsSnippetsWithCellOffsets() {
        String cell = "int x = 1;\nvoid f() {}\nx + 1";

        List<CellSnippet> snippets = CellSnippets.split(analysis, cell).all();

        assertThat(snippets).containsExactly(
                new CellSnippet(0, 10, "int x = 1;", Completeness.COMPLETE),
                new CellSnippet(10, 22, "\nvoid f() {}", Completeness.COMPLETE),
                new CellSnippet(22, 28, "\nx + 1", Completeness.COMPLETE));
    }

    @Test
    void offsetsFollowTheRawTextWhenJShellAddsASemicolon() {
        String cell = "int x = 1;\nint y = 2\n";

        List<CellSnippet> snippets = CellSnippets.split(analysis, cell).all();

        // JShell's source() for the second one is "int y = 2;", one character longer than the cell's text.
        CellSnippet second = snippets.get(1);
        assertThat(second.completeness()).isEqualTo(Completeness.COMPLETE_WITH_SEMI);
        assertThat(cell.substring(second.start(), second.end())).isEqualTo(second.text());
        assertThat(second.text()).startsWith("\nint y = 2").doesNotContain(";");
        assertThat(snippets.get(snippets.size() - 1).end()).isEqualTo(cell.length());
    }

    @Test
    void anIncompleteLastSnippetRunsToTheEndOfTheCellAndNoFurther() {
        String cell = "int x = 1;\nfor (int i = 0; i < 3; i++) {\n  x++;";

        List<CellSnippet> snippets = CellSnippets.split(analysis, cell).all();

        assertThat(snippets).hasSize(2);
        assertThat(snippets.get(1).completeness()).isEqualTo(Completeness.DEFINITELY_INCOMPLETE);
        assertThat(snippets.get(1).start()).isEqualTo(10);
        assertThat(snippets.get(1).end()).isEqualTo(cell.length());
        assertThat(snippets.get(1).text()).isEqualTo(cell.substring(10));
    }

    @Test
    void anUnparsableSnippetTakesTheRestOfTheCell() {
        String cell = "int ok = 0;\nint x = ;\nint y = 2;";

        List<CellSnippet> snippets = CellSnippets.split(analysis, cell).all();

        assertThat(snippets).extracting(CellSnippet::completeness)
                .containsExactly(Completeness.COMPLETE, Completeness.UNKNOWN);
        assertThat(snippets.get(1).end()).isEqualTo(cell.length());
    }

    @Test
    void trailingBlankLinesAndCommentsBelongToTheLastSnippet() {
        String cell = "int x = 1;\n\n// done\n";

        assertThat(CellSnippets.split(analysis, cell).all())
                .containsExactly(new CellSnippet(0, cell.length(), cell, Completeness.COMPLETE));
    }

    @Test
    void aCellOfOnlyBlanksAndCommentsIsOneEmptySnippet() {
        String cell = "\n  // nothing yet\n/* really */\n";

        assertThat(CellSnippets.split(analysis, cell).all())
                .containsExactly(new CellSnippet(0, cell.length(), cell, Completeness.EMPTY));
    }

    @Test
    void anEmptyCellIsOneEmptySnippet() {
        assertThat(CellSnippets.split(analysis, "").all())
                .containsExactly(new CellSnippet(0, 0, "", Completeness.EMPTY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "int x = 1;\nvoid f() {}\nx + 1",
            "  int a = 1; int b = 2; a + b  ",
            "String s = \"x;y\"; // ;;\n/* ; */ s.length()",
            "class A {}\ninterface B {}\nrecord R(int v) {}\n",
            "int x = ;\n}}}",
            "import java.util.*\nList<String> l = new ArrayList<>()\nl",
            "for (int i = 0; i < 3; i++) {",
            "   \n\t\n",
    })
    void snippetsPartitionTheCellWithoutGapsOrOverlaps(String cell) {
        List<CellSnippet> snippets = CellSnippets.split(analysis, cell).all();

        assertThat(snippets.stream().map(CellSnippet::text).collect(Collectors.joining()))
                .isEqualTo(cell);
        assertThat(snippets.get(0).start()).isZero();
        assertThat(snippets.get(snippets.size() - 1).end()).isEqualTo(cell.length());
        for (int i = 1; i < snippets.size(); i++) {
            assertThat(snippets.get(i).start()).isEqualTo(snippets.get(i - 1).end());
        }
        for (CellSnippet snippet : snippets) {
            assertThat(cell.substring(snippet.start(), snippet.end())).isEqualTo(snippet.text());
        }
    }

    @Test
    void findsTheSnippetContainingACursor() {
        String cell = "int x = 1;\nvoid f() {}\nx + 1";
        CellSnippets snippets = CellSnippets.split(analysis, cell);

        assertThat(snippets.containing(0)).get().extracting(CellSnippet::start).isEqualTo(0);
        assertThat(snippets.containing(4)).get().extracting(CellSnippet::start).isEqualTo(0);
        assertThat(snippets.containing(15)).get().extracting(CellSnippet::start).isEqualTo(10);
        assertThat(snippets.containing(cell.length())).get()
                .extracting(CellSnippet::start).isEqualTo(22);
    }

    @Test
    void aCursorOnABoundaryBelongsToTheSnippetItEnds() {
        CellSnippets snippets = CellSnippets.split(analysis, "int x = 1;\nvoid f() {}\nx + 1");

        assertThat(snippets.containing(10)).get().extracting(CellSnippet::text).isEqualTo("int x = 1;");
        assertThat(snippets.containing(22)).get().extracting(CellSnippet::text).isEqualTo("\nvoid f() {}");
    }

    @Test
    void aCursorOutsideTheCellIsInNoSnippet() {
        CellSnippets snippets = CellSnippets.split(analysis, "int x = 1;");

        assertThat(snippets.containing(-1)).isEmpty();
        assertThat(snippets.containing(11)).isEmpty();
    }

    @Test
    void translatesCellOffsetsIntoSnippetOffsets() {
        CellSnippet second = CellSnippets.split(analysis, "int x = 1;\nMath.ab").all().get(1);

        assertThat(second.toLocal(17)).isEqualTo(7);
        assertThat(second.text().substring(0, second.toLocal(17))).isEqualTo("\nMath.a");
    }

    @Test
    void listsTheSnippetsBeforeAGivenOne() {
        CellSnippets snippets = CellSnippets.split(analysis, "int a = 1;\nint b = 2;\nint c = 3;");
        CellSnippet third = snippets.all().get(2);

        assertThat(snippets.before(third)).extracting(CellSnippet::text)
                .containsExactly("int a = 1;", "\nint b = 2;");
        assertThat(snippets.before(snippets.all().get(0))).isEmpty();
    }
}

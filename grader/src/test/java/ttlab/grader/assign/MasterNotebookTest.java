package ttlab.grader.assign;

import org.junit.jupiter.api.Test;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ttlab.grader.notebook.TestNotebooks.code;
import static ttlab.grader.notebook.TestNotebooks.markdown;
import static ttlab.grader.notebook.TestNotebooks.notebook;
import static ttlab.grader.notebook.TestNotebooks.role;
import static ttlab.grader.notebook.TestNotebooks.solution;
import static ttlab.grader.notebook.TestNotebooks.ttlab;

/** Masters that assign refuses, each with the message an author sees. */
class MasterNotebookTest {

    private static void assertRefused(Notebook master, String expected) {
        assertThatThrownBy(() -> MasterNotebook.of(master, "solutions/01-x.ipynb"))
                .isInstanceOf(NotebookException.class)
                .hasMessage("solutions/01-x.ipynb: " + expected);
    }

    @Test
    void aSolutionCellWithoutMarkersWouldGiveTheSolutionAway() {
        assertRefused(notebook(code("s", "int f() { return 1; }", solution("e.f"))),
                "cell 1 (id \"s\"): a solution cell needs a // BEGIN SOLUTION ... // END SOLUTION region,"
                        + " or students would get the whole solution");
    }

    @Test
    void solutionMarkersOutsideASolutionCellAreRefused() {
        String marked = "int f() {\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}";
        assertRefused(notebook(code("a", "1"), code("p", marked)),
                "cell 2 (id \"p\"), line 2: solution markers belong in a cell whose metadata.ttlab role is"
                        + " \"solution\" (this cell's is not set)");
        assertRefused(notebook(code("t", marked, ttlab("e", null, "tests"))),
                "cell 1 (id \"t\"), line 2: solution markers belong in a cell whose metadata.ttlab role is"
                        + " \"solution\" (this cell's is \"tests\")");
    }

    @Test
    void hiddenTestMarkersOutsideATestsCellAreRefused() {
        String hidden = "class T {\n  // BEGIN HIDDEN TESTS\n  void t() {}\n  // END HIDDEN TESTS\n}";
        assertRefused(notebook(code("h", hidden, role("locked"))),
                "cell 1 (id \"h\"), line 2: hidden-tests markers belong in a cell whose metadata.ttlab role is"
                        + " \"tests\" (this cell's is \"locked\")");
    }

    @Test
    void codeAfterTheRegionInTheSameBlockWouldBeUnreachable() {
        String source = "int f(int x) {\n    int r;\n    // BEGIN SOLUTION\n    r = x;\n    // END SOLUTION\n\n    return r;\n}";
        assertRefused(notebook(code("s", source, solution("e.f"))),
                "cell 1 (id \"s\"), line 7: \"return r;\" follows // END SOLUTION in the same block, where it would"
                        + " be unreachable after the stub's throw; end the region with the method or constructor body");
    }

    @Test
    void aRegionThatClosesNoBlockIsNotInsideABody() {
        assertRefused(notebook(code("s", "int x = 1;\n// BEGIN SOLUTION\nx = 2;\n// END SOLUTION\n", solution("e.x"))),
                "cell 1 (id \"s\"), line 4: no closing brace follows // END SOLUTION; solution markers must enclose"
                        + " statements inside a method or constructor body");
    }

    @Test
    void blankLinesAndCommentsMayFollowTheRegion() throws Exception {
        String source = "int f() {\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n\n    // done\n}";
        assertThat(MasterNotebook.of(notebook(code("s", source, solution("e.f"))), "m").graded().cells()).hasSize(1);
    }

    @Test
    void markersInMarkdownAreTextNotMarkers() throws Exception {
        MasterNotebook master = MasterNotebook.of(notebook(
                markdown("doc", "Write `// BEGIN SOLUTION` above your code", role("locked"))), "m");
        assertThat(master.graded().cells()).hasSize(1);
    }

    @Test
    void markerErrorsNameTheMasterCellAndLine() {
        assertRefused(notebook(code("a", "1"), code("s", "int f() {\n  // BEGIN SOLUTION\n  return 1;\n}", solution("e"))),
                "cell 2 (id \"s\"), line 2: // BEGIN SOLUTION has no // END SOLUTION");
    }

    @Test
    void metadataErrorsComeFirst() {
        assertRefused(notebook(code("s", "1", ttlab("e", -2, "solution"))),
                "cell 1 (id \"s\"): points must be a non-negative number, not -2");
    }
}

package ttlab.grader.notebook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ttlab.grader.notebook.TestNotebooks.code;
import static ttlab.grader.notebook.TestNotebooks.notebook;

class MarkedTextTest {

    private static MarkedText scan(String source) throws NotebookException {
        return MarkedText.scan(notebook(code("c7", source)).cells().get(0), "nb.ipynb");
    }

    private static void assertProblem(String source, String expected) {
        assertThatThrownBy(() -> scan(source))
                .isInstanceOf(NotebookException.class)
                .hasMessage("nb.ipynb: cell 1 (id \"c7\"), " + expected);
    }

    @Test
    void regionsAreFoundWithTheirLinesKindAndIndentation() throws Exception {
        MarkedText text = scan("""
                int f() {
                    // BEGIN SOLUTION
                    return 1;
                    // END SOLUTION
                }
                class T {
                \t// BEGIN HIDDEN TESTS
                \tvoid t() {}
                \t// END HIDDEN TESTS
                }""");
        assertThat(text.regions()).containsExactly(
                new MarkedRegion(Marker.SOLUTION, 1, 3, "    "),
                new MarkedRegion(Marker.HIDDEN_TESTS, 6, 8, "\t"));
        assertThat(text.regions(Marker.SOLUTION)).hasSize(1);
        assertThat(text.regions().get(0).beginLine()).isEqualTo(2);
        assertThat(text.regions().get(0).endLine()).isEqualTo(4);
        assertThat(text.lines()).hasSize(10);
    }

    @Test
    void replacingRegionsKeepsEverythingElseExactly() throws Exception {
        MarkedText text = scan("a\n  // BEGIN SOLUTION\n  x\n  // END SOLUTION\nb\n// BEGIN SOLUTION\n// END SOLUTION\nc\n");
        assertThat(text.replace(Marker.SOLUTION, r -> List.of(r.indent() + "STUB")))
                .isEqualTo("a\n  STUB\nb\nSTUB\nc\n");
        assertThat(text.replace(Marker.SOLUTION, r -> List.of())).isEqualTo("a\nb\nc\n");
        assertThat(text.replace(Marker.HIDDEN_TESTS, r -> List.of())).isEqualTo(text.lines().stream()
                .reduce((x, y) -> x + "\n" + y).orElseThrow());
    }

    @Test
    void markersTolerateSpacingAndWindowsLineEnds() throws Exception {
        MarkedText text = scan("int f() {\r\n  //BEGIN SOLUTION   \r\n  return 1;\r\n  //   END   SOLUTION\r\n}");
        assertThat(text.regions()).containsExactly(new MarkedRegion(Marker.SOLUTION, 1, 3, "  "));
        assertThat(scan("//  BEGIN HIDDEN  TESTS\n// END HIDDEN TESTS").regions(Marker.HIDDEN_TESTS)).hasSize(1);
    }

    @Test
    void anEndWithoutABeginIsAnError() {
        assertProblem("int f() {\n  return 1;\n  // END SOLUTION\n}",
                "line 3: // END SOLUTION without a // BEGIN SOLUTION before it");
    }

    @Test
    void aBeginWithoutAnEndIsAnErrorAtTheBegin() {
        assertProblem("int f() {\n  // BEGIN SOLUTION\n  return 1;\n}", "line 2: // BEGIN SOLUTION has no // END SOLUTION");
        assertProblem("// BEGIN HIDDEN TESTS\nvoid t() {}", "line 1: // BEGIN HIDDEN TESTS has no // END HIDDEN TESTS");
    }

    @Test
    void nestedRegionsAreAnError() {
        assertProblem("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n// END SOLUTION",
                "line 2: // BEGIN SOLUTION inside the region that // BEGIN SOLUTION opened at line 1; markers do not nest");
        assertProblem("// BEGIN HIDDEN TESTS\n\n// BEGIN SOLUTION\n",
                "line 3: // BEGIN SOLUTION inside the region that // BEGIN HIDDEN TESTS opened at line 1; markers do not nest");
    }

    @Test
    void anEndOfTheOtherKindIsAnError() {
        assertProblem("// BEGIN SOLUTION\nx();\n// END HIDDEN TESTS",
                "line 3: // END HIDDEN TESTS cannot close the // BEGIN SOLUTION at line 1; expected // END SOLUTION");
    }

    @Test
    void aMarkerMustStandAloneOnItsLine() {
        assertProblem("int f() {\n  return 1; // END SOLUTION\n}",
                "line 2: a marker must stand alone on its line as a // comment, e.g. // BEGIN SOLUTION,"
                        + " not: return 1; // END SOLUTION");
        assertProblem("/* BEGIN HIDDEN TESTS */", "line 1: a marker must stand alone on its line as a // comment,"
                + " e.g. // BEGIN SOLUTION, not: /* BEGIN HIDDEN TESTS */");
    }

    @Test
    void textWithoutMarkersHasNoRegions() throws Exception {
        assertThat(scan("// begin solution (lower case is an ordinary comment)\nint x = 1;").regions()).isEmpty();
    }
}

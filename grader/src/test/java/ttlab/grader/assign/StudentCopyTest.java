package ttlab.grader.assign;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import ttlab.grader.notebook.Cell;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.grader.notebook.TestNotebooks.code;
import static ttlab.grader.notebook.TestNotebooks.notebook;
import static ttlab.grader.notebook.TestNotebooks.role;
import static ttlab.grader.notebook.TestNotebooks.ttlab;

/**
 * The student copy of assign/solutions/01-warmup.ipynb, a master saved by nbformat, against
 * assign/exercises/01-warmup.ipynb, the student copy spelled out by hand in make_notebooks.py.
 */
class StudentCopyTest {

    static final String MASTER = "assign/solutions/01-warmup.ipynb";
    static final String EXPECTED = "assign/exercises/01-warmup.ipynb";

    static byte[] resource(String path) {
        try (InputStream in = StudentCopyTest.class.getResourceAsStream("/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Notebook master() throws Exception {
        return NotebookReader.parse(resource(MASTER), MASTER);
    }

    static Notebook student() throws Exception {
        return Assigner.assign(master(), MASTER);
    }

    @Test
    void theStudentCopyIsExactlyTheHandWrittenExpectation() throws Exception {
        byte[] written = Assigner.assign(resource(MASTER), MASTER);
        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(resource(EXPECTED), StandardCharsets.UTF_8));
    }

    @Test
    void hiddenTestCellsAreLeftOutAndEveryOtherCellKeepsItsIdAndOrder() throws Exception {
        assertThat(master().cells()).extracting(Cell::id).contains("mean-hidden");
        assertThat(student().cells()).extracting(Cell::id).containsExactly("intro", "setup", "square-text",
                "square-solution", "mean-solution", "counter-solution", "try-square", "warmup-tests", "mean-demo");
    }

    @Test
    void hiddenTestRegionsAreCutFromPublicTestCells() throws Exception {
        String tests = cell(student(), "warmup-tests").source();
        assertThat(tests).contains("squaresSmallNumbers", "meanOfTwo")
                .doesNotContain("squaresNegativeNumbers", "HIDDEN TESTS");
    }

    @Test
    void outputsAndExecutionCountsAreCleared() throws Exception {
        assertThat(cell(master(), "try-square").outputs()).isNotEmpty();
        for (Cell cell : student().cells()) {
            if (cell.isCode()) {
                assertThat(cell.outputs()).as(cell.id()).isEmpty();
                assertThat(cell.json().get("execution_count").isJsonNull()).as(cell.id()).isTrue();
            }
        }
    }

    @Test
    void metadataIsKeptAndTestsAndLockedCellsBecomeReadOnly() throws Exception {
        Notebook master = master();
        Notebook student = student();
        assertThat(student.metadata()).isEqualTo(master.metadata());
        for (Cell cell : student.cells()) {
            JsonObject expected = cell(master, cell.id()).metadata().deepCopy();
            if (cell.id().equals("setup") || cell.id().equals("warmup-tests")) {
                expected.addProperty("editable", false);
                expected.addProperty("deletable", false);
            }
            if (cell.id().equals("warmup-tests")) {
                expected.getAsJsonObject("ttlab").addProperty("hidden-points", 0.67);
            }
            assertThat(cell.metadata()).as(cell.id()).isEqualTo(expected);
        }
    }

    @Test
    void aMastersOwnEditableFlagWins() throws Exception {
        JsonObject metadata = role("locked");
        metadata.addProperty("editable", true);
        Notebook student = Assigner.assign(notebook(code("l", "int x = 1;", metadata)), "m");
        assertThat(student.cells().get(0).metadata().get("editable").getAsBoolean()).isTrue();
        assertThat(student.cells().get(0).metadata().get("deletable").getAsBoolean()).isFalse();
    }

    @Test
    void cellsWithoutTheseRolesAreCopiedAsTheyAre() throws Exception {
        Notebook master = notebook(code("plain", "int y = 2;"), code("skip", "plot();", role("skip-in-grading")),
                code("t", "class T {}", ttlab("e", null, "tests")));
        Notebook student = Assigner.assign(master, "m");
        assertThat(student.cells().get(0).json()).isEqualTo(master.cells().get(0).json());
        assertThat(student.cells().get(1).json()).isEqualTo(master.cells().get(1).json());
    }

    @Test
    void wrongAnswersAreLeftOut() throws Exception {
        com.google.gson.JsonObject wrong = com.google.gson.JsonParser.parseString("{\"ttlab\": {\"exercise\": \"e\","
                + " \"role\": \"wrong-answer\", \"mistake\": \"returns one too many\"}}").getAsJsonObject();
        Notebook master = notebook(code("s", "int f() {\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}",
                ttlab("e", 1, "solution")), code("w", "int f() { return 2; }", wrong), code("after", "f()"));
        Notebook student = Assigner.assign(master, "m");
        assertThat(student.cells()).extracting(Cell::id).containsExactly("s", "after");
    }

    @Test
    void theMasterIsNotChanged() throws Exception {
        Notebook master = master();
        String before = master.json().toString();
        Assigner.assign(master, MASTER);
        assertThat(master.json().toString()).isEqualTo(before);
    }

    @Test
    void everyCellOfTheMasterAndOfTheStudentCopyCompilesInJShell() throws Exception {
        try (JShellCells jshell = new JShellCells()) {
            for (Cell cell : master().cells()) {
                if (cell.isCode()) {
                    jshell.compile(cell.source());
                }
            }
            assertThat(jshell.valueOf("square(5)")).isEqualTo("25");
            for (Cell cell : student().cells()) {
                if (cell.isCode() && !cell.id().equals("try-square") && !cell.id().equals("mean-demo")) {
                    jshell.compile(cell.source());
                }
            }
            assertThat(jshell.thrownBy("square(5)"))
                    .isEqualTo("java.lang.UnsupportedOperationException: not implemented yet: warmup.square");
            assertThat(jshell.thrownBy("new Counter().repeat(\"a\", 2)")).endsWith("not implemented yet: warmup.counter");
            assertThat(jshell.valueOf("Double.isNaN(mean(new double[0]))")).isEqualTo("true");
        }
    }

    private static Cell cell(Notebook nb, String id) {
        return nb.cells().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}

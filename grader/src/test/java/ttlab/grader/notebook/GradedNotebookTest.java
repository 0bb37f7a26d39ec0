package ttlab.grader.notebook;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ttlab.grader.notebook.TestNotebooks.code;
import static ttlab.grader.notebook.TestNotebooks.markdown;
import static ttlab.grader.notebook.TestNotebooks.notebook;
import static ttlab.grader.notebook.TestNotebooks.role;
import static ttlab.grader.notebook.TestNotebooks.ttlab;

class GradedNotebookTest {

    @Test
    void cellsAreFoundByIdAndRoleNotByPosition() throws Exception {
        GradedNotebook nb = GradedNotebook.of(notebook(
                markdown("intro", "# Hi", ttlab("a.one", null, null)),
                code("setup", "int base = 1;", role("locked")),
                code("sol", "int f() { return 1; }", ttlab("a.one", 2, "solution")),
                code("tests", "class T {}", ttlab("a.one", null, "tests")),
                code("hidden", "class H {}", ttlab("a.one", null, "hidden-tests")),
                code("sol2", "int g() { return 2; }", ttlab("a.two", 1.5, "solution"))), "nb.ipynb");
        assertThat(nb.name()).isEqualTo("nb.ipynb");
        assertThat(nb.cell("tests")).get().extracting(c -> c.cell().number()).isEqualTo(4);
        assertThat(nb.cell("missing")).isEmpty();
        assertThat(nb.cellsWith(CellRole.SOLUTION)).extracting(c -> c.cell().id()).containsExactly("sol", "sol2");
        assertThat(nb.cellsWith(CellRole.LOCKED)).extracting(c -> c.cell().id()).containsExactly("setup");
        assertThat(nb.exercises()).containsExactly(
                new GradedNotebook.Exercise("a.one", Optional.of(new BigDecimal("2"))),
                new GradedNotebook.Exercise("a.two", Optional.of(new BigDecimal("1.5"))));
    }

    @Test
    void duplicateCellIdsAreAnError() {
        assertThatThrownBy(() -> GradedNotebook.of(notebook(code("a", "1"), code("b", "2"), code("a", "3")), "nb.ipynb"))
                .isInstanceOf(NotebookException.class)
                .hasMessage("nb.ipynb: cell 3 has the same id \"a\" as cell 1; cell ids must be unique");
    }

    @Test
    void anExercisesPointsAreDeclaredOnce() throws Exception {
        assertThatThrownBy(() -> GradedNotebook.of(notebook(
                code("s", "int f() { return 1; }", ttlab("e", 2, "solution")),
                code("t", "class T {}", ttlab("e", 3, "tests"))), "nb.ipynb"))
                .hasMessage("nb.ipynb: cell 2 (id \"t\"): exercise \"e\" has 3 points here but 2 in cell 1 (id \"s\");"
                        + " declare its points once");
        GradedNotebook same = GradedNotebook.of(notebook(
                code("s", "int f() { return 1; }", ttlab("e", 2, "solution")),
                code("t", "class T {}", ttlab("e", 2.0, "tests"))), "nb.ipynb");
        assertThat(same.exercises()).hasSize(1);
    }

    @Test
    void invalidCellMetadataFailsTheWholeNotebook() {
        assertThatThrownBy(() -> GradedNotebook.of(notebook(
                code("ok", "1"), code("bad", "int f() { return 1; }", role("solution"))), "nb.ipynb"))
                .hasMessageStartingWith("nb.ipynb: cell 2 (id \"bad\"): a solution cell needs an exercise id");
    }

    private static com.google.gson.JsonObject wrong(String exercise, String extra) {
        return com.google.gson.JsonParser.parseString("{\"ttlab\": {\"exercise\": \"" + exercise
                + "\", \"role\": \"wrong-answer\", \"mistake\": \"m\"" + extra + "}}").getAsJsonObject();
    }

    @Test
    void aWrongAnswerReplacesItsExercisesSolutionCell() throws Exception {
        GradedNotebook nb = GradedNotebook.of(notebook(
                code("sol", "int f() { return 1; }", ttlab("a.one", 2, "solution")),
                code("sol2a", "int g() { return 2; }", ttlab("a.two", 1, "solution")),
                code("sol2b", "int h() { return 3; }", ttlab("a.two", null, "solution")),
                code("w1", "int f() { return 0; }", wrong("a.one", ", \"also-affects\": [\"a.two\"]")),
                code("w2", "int h() { return 0; }", wrong("a.two", ", \"replaces\": \"sol2b\""))), "nb.ipynb");
        assertThat(nb.replacedBy(nb.cell("w1").orElseThrow()).cell().id()).isEqualTo("sol");
        assertThat(nb.replacedBy(nb.cell("w2").orElseThrow()).cell().id()).isEqualTo("sol2b");
        assertThat(nb.exercises()).extracting(GradedNotebook.Exercise::id).containsExactly("a.one", "a.two");
    }

    @Test
    void aWrongAnswerMustSayWhichCellItReplacesWhenThatIsNotClear() {
        assertThatThrownBy(() -> GradedNotebook.of(notebook(
                code("a", "int g() { return 2; }", ttlab("e", 1, "solution")),
                code("b", "int h() { return 3; }", ttlab("e", null, "solution")),
                code("w", "int h() { return 0; }", wrong("e", ""))), "nb.ipynb"))
                .hasMessage("nb.ipynb: cell 3 (id \"w\"): exercise \"e\" has 2 solution cells; say which one this wrong"
                        + " answer replaces with \"replaces\": \"<cell id>\"");
        assertThatThrownBy(() -> GradedNotebook.of(notebook(
                code("w", "int h() { return 0; }", wrong("nothing", ""))), "nb.ipynb"))
                .hasMessageContaining("exercise \"nothing\" has 0 solution cells");
        assertThatThrownBy(() -> GradedNotebook.of(notebook(
                code("a", "int g() { return 2; }", ttlab("e", 1, "solution")),
                code("f", "int k() { return 2; }", ttlab("f", 1, "solution")),
                code("w", "int g() { return 0; }", wrong("e", ", \"replaces\": \"f\""))), "nb.ipynb"))
                .hasMessage("nb.ipynb: cell 3 (id \"w\"): \"replaces\" names \"f\", which is not a solution cell of exercise \"e\"");
        assertThatThrownBy(() -> GradedNotebook.of(notebook(
                code("a", "int g() { return 2; }", ttlab("e", 1, "solution")),
                code("w", "int g() { return 0; }", wrong("e", ", \"also-affects\": [\"zzz\"]"))), "nb.ipynb"))
                .hasMessage("nb.ipynb: cell 2 (id \"w\"): \"also-affects\" names \"zzz\", which is not another exercise of this notebook");
    }
}

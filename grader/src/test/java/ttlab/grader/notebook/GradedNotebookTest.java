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
}

package ttlab.grader.assign;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import ttlab.grader.notebook.Cell;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookException;
import ttlab.grader.notebook.NotebookWriter;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ttlab.grader.notebook.TestNotebooks.code;
import static ttlab.grader.notebook.TestNotebooks.notebook;
import static ttlab.grader.notebook.TestNotebooks.ttlab;

/** assign tells students how many points each exercise's hidden tests carry, and nothing more about them. */
class HiddenPointsNoteTest {

    private static final String SOLUTION = "int f() {\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}";
    private static final String TESTS_WITH_HIDDEN_REGION = "class FTests {\n"
            + "    @Test @Points(2)\n    void one() { assertThat(f()).isEqualTo(1); }\n"
            + "    // BEGIN HIDDEN TESTS\n"
            + "    @Test @Points(1)\n    void secretlyPositive() { assertThat(f()).isPositive(); }\n"
            + "    // END HIDDEN TESTS\n"
            + "}";

    private static JsonObject hiddenPointsOf(Notebook student, String cellId) {
        Cell cell = student.cells().stream().filter(c -> c.id().equals(cellId)).findFirst().orElseThrow();
        return cell.metadata().getAsJsonObject("ttlab");
    }

    @Test
    void theTestsCellOfAStudentCopyCarriesItsExercisesHiddenPoints() throws Exception {
        Notebook master = notebook(code("s", SOLUTION, ttlab("e", 3, "solution")),
                code("t", TESTS_WITH_HIDDEN_REGION, ttlab("e", null, "tests")));
        Notebook student = Assigner.assign(master, "m");

        assertThat(hiddenPointsOf(student, "t").get("hidden-points").getAsBigDecimal()).isEqualByComparingTo("1");
        String written = new String(NotebookWriter.toBytes(student), StandardCharsets.UTF_8);
        assertThat(written).contains("\"hidden-points\": 1,").doesNotContain("secretlyPositive", "isPositive");
    }

    @Test
    void hiddenPointsAreScaledToTheExercisesPointsAsTheGraderScalesThem() throws Exception {
        // raw points: 2 public, 1 in a hidden region, 1 in a hidden-tests cell; the exercise declares 8
        Notebook master = notebook(code("s", SOLUTION, ttlab("e", 8, "solution")),
                code("t", TESTS_WITH_HIDDEN_REGION, ttlab("e", null, "tests")),
                code("h", "class MoreFTests {\n    @Test\n    void two() { assertThat(f() + 1).isEqualTo(2); }\n}",
                        ttlab("e", null, "hidden-tests")));
        Notebook student = Assigner.assign(master, "m");

        assertThat(hiddenPointsOf(student, "t").get("hidden-points").getAsBigDecimal()).isEqualByComparingTo("4");
    }

    @Test
    void anExerciseWithoutHiddenTestsSaysZero() throws Exception {
        Notebook master = notebook(code("s", SOLUTION, ttlab("e", 2, "solution")),
                code("t", "class FTests {\n    @Test\n    void one() { assertThat(f()).isEqualTo(1); }\n}",
                        ttlab("e", null, "tests")));

        assertThat(hiddenPointsOf(Assigner.assign(master, "m"), "t").get("hidden-points").getAsInt()).isZero();
    }

    @Test
    void aMasterMayNotDeclareHiddenPoints() {
        JsonObject tests = ttlab("e", null, "tests");
        tests.getAsJsonObject("ttlab").addProperty("hidden-points", 5);
        Notebook master = notebook(code("s", SOLUTION, ttlab("e", 2, "solution")), code("t", "class FTests {}", tests));

        assertThatThrownBy(() -> Assigner.assign(master, "m")).isInstanceOf(NotebookException.class)
                .hasMessageContaining("\"hidden-points\" is written by assign");
    }

    @Test
    void hiddenPointsBelongOnTestsCellsOnly() {
        JsonObject solution = ttlab("e", 2, "solution");
        solution.getAsJsonObject("ttlab").addProperty("hidden-points", 1);

        assertThatThrownBy(() -> Assigner.assign(notebook(code("s", SOLUTION, solution)), "m"))
                .isInstanceOf(NotebookException.class)
                .hasMessageContaining("hidden-points belongs on the tests cell of an exercise");
    }
}

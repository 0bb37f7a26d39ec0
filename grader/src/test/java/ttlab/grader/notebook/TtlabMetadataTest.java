package ttlab.grader.notebook;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ttlab.grader.notebook.TestNotebooks.code;
import static ttlab.grader.notebook.TestNotebooks.markdown;
import static ttlab.grader.notebook.TestNotebooks.notebook;
import static ttlab.grader.notebook.TestNotebooks.ttlab;

class TtlabMetadataTest {

    private static TtlabMetadata read(String ttlabJson) throws NotebookException {
        return TtlabMetadata.of(cellWith(ttlabJson), "nb.ipynb");
    }

    private static Cell cellWith(String ttlabJson) {
        JsonObject metadata = new JsonObject();
        metadata.add("ttlab", JsonParser.parseString(ttlabJson));
        return notebook(code("s1", "int f() { return 1; }", metadata)).cells().get(0);
    }

    private static String problem(String ttlabJson) {
        assertThatThrownBy(() -> read(ttlabJson)).isInstanceOf(NotebookException.class);
        try {
            read(ttlabJson);
            throw new AssertionError("accepted");
        } catch (NotebookException e) {
            assertThat(e.getMessage()).startsWith("nb.ipynb: cell 1 (id \"s1\"): ");
            return e.reason().substring("cell 1 (id \"s1\"): ".length());
        }
    }

    @Test
    void allThreeKeysAreRead() throws Exception {
        TtlabMetadata m = read("{\"exercise\": \"warmup.square\", \"points\": 2, \"role\": \"solution\"}");
        assertThat(m.exercise()).contains("warmup.square");
        assertThat(m.points()).contains(new BigDecimal("2"));
        assertThat(m.role()).contains(CellRole.SOLUTION);
        assertThat(m.hasRole(CellRole.SOLUTION)).isTrue();
        assertThat(m.hasRole(CellRole.TESTS)).isFalse();
    }

    @Test
    void everyRoleIsKnownByItsKey() throws Exception {
        for (CellRole role : CellRole.values()) {
            assertThat(read("{\"exercise\": \"e\", \"role\": \"" + role.key() + "\"}").role()).contains(role);
        }
        assertThat(CellRole.allKeys()).isEqualTo("solution, tests, hidden-tests, locked, skip-in-grading");
    }

    @Test
    void aCellWithoutTtlabMetadataHasNone() throws Exception {
        Cell plain = notebook(code("p", "1")).cells().get(0);
        assertThat(TtlabMetadata.of(plain, "nb.ipynb")).isEqualTo(TtlabMetadata.NONE);
        assertThat(read("{}")).isEqualTo(TtlabMetadata.NONE);
    }

    @Test
    void anUnknownRoleIsAnErrorListingTheKnownOnes() {
        assertThat(problem("{\"role\": \"solutions\"}")).isEqualTo("unknown role \"solutions\" in metadata.ttlab;"
                + " known roles: solution, tests, hidden-tests, locked, skip-in-grading");
        assertThat(problem("{\"role\": 1}")).startsWith("unknown role 1 in metadata.ttlab");
    }

    @Test
    void pointsMustBeANonNegativeNumber() throws Exception {
        assertThat(problem("{\"exercise\": \"e\", \"points\": -1}")).isEqualTo("points must be a non-negative number, not -1");
        assertThat(problem("{\"exercise\": \"e\", \"points\": \"2\"}")).isEqualTo("points must be a non-negative number, not \"2\"");
        assertThat(problem("{\"exercise\": \"e\", \"points\": true}")).isEqualTo("points must be a non-negative number, not true");
        assertThat(problem("{\"exercise\": \"e\", \"points\": null}")).isEqualTo("points must be a non-negative number, not null");
        assertThat(read("{\"exercise\": \"e\", \"points\": 0}").points()).contains(BigDecimal.ZERO);
        assertThat(read("{\"exercise\": \"e\", \"points\": 2.5}").points()).contains(new BigDecimal("2.5"));
    }

    @Test
    void aSolutionCellNeedsAnExerciseId() {
        assertThat(problem("{\"role\": \"solution\", \"points\": 2}")).isEqualTo(
                "a solution cell needs an exercise id: add \"exercise\": \"<id>\" to metadata.ttlab");
    }

    @Test
    void pointsNeedAnExerciseId() {
        assertThat(problem("{\"role\": \"tests\", \"points\": 2}")).isEqualTo(
                "points belong to an exercise: add \"exercise\": \"<id>\" to metadata.ttlab");
    }

    @Test
    void exerciseIdsAreSimpleDottedNames() throws Exception {
        assertThat(read("{\"exercise\": \"attention.nadaraya_watson-2\"}").exercise()).contains("attention.nadaraya_watson-2");
        assertThat(problem("{\"exercise\": \"two words\"}")).startsWith("exercise id \"two words\" in metadata.ttlab must be");
        assertThat(problem("{\"exercise\": \"\"}")).startsWith("exercise id \"\" in metadata.ttlab must be");
        assertThat(problem("{\"exercise\": 3}")).startsWith("exercise id 3 in metadata.ttlab must be");
        assertThat(problem("{\"exercise\": \"quote\\\"d\"}")).contains("must be a string of letters");
    }

    @Test
    void anUnknownKeyIsAnErrorSoThatTyposCannotLosePoints() {
        assertThat(problem("{\"exercise\": \"e\", \"point\": 2}"))
                .isEqualTo("unknown key \"point\" in metadata.ttlab; known keys: exercise, points, role");
    }

    @Test
    void ttlabMetadataMustBeAnObject() {
        assertThat(problem("\"solution\"")).isEqualTo("metadata.ttlab must be an object, not a string");
    }

    @Test
    void codeRolesOnAMarkdownCellAreErrorsButLockedIsFine() throws Exception {
        Notebook nb = notebook(markdown("md", "text", ttlab("e", null, "tests")),
                markdown("md2", "text", ttlab(null, null, "locked")));
        assertThatThrownBy(() -> TtlabMetadata.of(nb.cells().get(0), "nb.ipynb"))
                .hasMessage("nb.ipynb: cell 1 (id \"md\"): role \"tests\" is for code cells, but this is a markdown cell");
        assertThat(TtlabMetadata.of(nb.cells().get(1), "nb.ipynb").role()).isEqualTo(Optional.of(CellRole.LOCKED));
    }
}

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
            String extra = role == CellRole.WRONG_ANSWER ? ", \"mistake\": \"m\"" : "";
            assertThat(read("{\"exercise\": \"e\", \"role\": \"" + role.key() + "\"" + extra + "}").role()).contains(role);
        }
        assertThat(CellRole.allKeys()).isEqualTo("solution, tests, hidden-tests, locked, skip-in-grading, wrong-answer");
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
                + " known roles: solution, tests, hidden-tests, locked, skip-in-grading, wrong-answer");
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
                .isEqualTo("unknown key \"point\" in metadata.ttlab; known keys: exercise, points, role, and for wrong-answer cells mistake, replaces, also-affects");
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

    @Test
    void aWrongAnswerSaysItsExerciseAndMistake() throws Exception {
        TtlabMetadata m = read("{\"exercise\": \"e\", \"role\": \"wrong-answer\", \"mistake\": \" forgets the 1/N \","
                + " \"replaces\": \"sol-2\", \"also-affects\": [\"f\", \"g.h\"]}");
        assertThat(m.wrongAnswer()).contains(new TtlabMetadata.WrongAnswer("forgets the 1/N", Optional.of("sol-2"),
                java.util.List.of("f", "g.h")));
        assertThat(read("{\"exercise\": \"e\", \"role\": \"wrong-answer\", \"mistake\": \"m\"}").wrongAnswer())
                .contains(new TtlabMetadata.WrongAnswer("m", Optional.empty(), java.util.List.of()));
        assertThat(read("{\"exercise\": \"e\", \"role\": \"solution\"}").wrongAnswer()).isEmpty();
    }

    @Test
    void aWrongAnswerIsCheckedLikeTheOtherKeys() {
        assertThat(problem("{\"exercise\": \"e\", \"role\": \"wrong-answer\"}")).startsWith("a wrong-answer cell says what its mistake is");
        assertThat(problem("{\"exercise\": \"e\", \"role\": \"wrong-answer\", \"mistake\": \" \"}")).startsWith("a wrong-answer cell says what its mistake is");
        assertThat(problem("{\"role\": \"wrong-answer\", \"mistake\": \"m\"}")).startsWith("a wrong-answer cell needs the id of the exercise");
        assertThat(problem("{\"exercise\": \"e\", \"points\": 1, \"role\": \"wrong-answer\", \"mistake\": \"m\"}"))
                .isEqualTo("a wrong-answer cell declares no points (the exercise's solution cell does)");
        assertThat(problem("{\"exercise\": \"e\", \"role\": \"wrong-answer\", \"mistake\": \"m\", \"replaces\": 3}"))
                .isEqualTo("\"replaces\" must be the id of a solution cell, not 3");
        assertThat(problem("{\"exercise\": \"e\", \"role\": \"wrong-answer\", \"mistake\": \"m\", \"also-affects\": \"f\"}"))
                .startsWith("\"also-affects\" must be a list of exercise ids");
        assertThat(problem("{\"exercise\": \"e\", \"role\": \"solution\", \"mistake\": \"m\"}"))
                .isEqualTo("\"mistake\" belongs to wrong-answer cells (this cell's role is \"solution\")");
        assertThat(problem("{\"replaces\": \"s\"}")).isEqualTo("\"replaces\" belongs to wrong-answer cells (this cell's role is not set)");
    }
}

package ttlab.kernel.exercise;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestsCellNotRunTest {

    /** A student copy's exercise, as assign writes it: solution, read-only tests, check. */
    static final String NOTEBOOK = "{\"cells\": ["
            + "{\"cell_type\": \"markdown\", \"id\": \"intro\", \"metadata\": {}, \"source\": [\"# Dot\"]},"
            + "{\"cell_type\": \"code\", \"id\": \"dot-solution\", \"metadata\": {\"ttlab\": {\"exercise\": \"warmup.dot\","
            + " \"points\": 3, \"role\": \"solution\"}}, \"source\": [\"double dot(double[] a, double[] b) {\\n\","
            + " \"    throw new UnsupportedOperationException(\\\"not implemented yet: warmup.dot\\\");\\n\", \"}\"]},"
            + "{\"cell_type\": \"code\", \"id\": \"dot-tests\", \"metadata\": {\"editable\": false, \"ttlab\": {\"exercise\":"
            + " \"warmup.dot\", \"hidden-points\": 1, \"role\": \"tests\"}}, \"source\": [\"class DotTests {\\n\", \"}\"]},"
            + "{\"cell_type\": \"code\", \"id\": \"dot-check\", \"metadata\": {}, \"source\": [\"check(DotTests.class);\"]}"
            + "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";

    private static CellEngine engine;

    @TempDir
    static Path folder;

    @BeforeAll
    static void start() {
        engine = CellEngine.builder().build();
        // check(...) is the grader's; a stand-in with its signature is enough to compile the call.
        assertThat(engine.evaluate("void check(Class<?>... tests) {}", "setup").succeeded()).isTrue();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static SavedNotebook saved() throws IOException {
        Path file = folder.resolve("00-warmup.ipynb");
        Files.writeString(file, NOTEBOOK, StandardCharsets.UTF_8);
        return SavedNotebook.read(file).orElseThrow();
    }

    @Test
    void checkBeforeTheTestsCellNamesTheExerciseAndTheCellToRun() throws IOException {
        SavedNotebook notebook = saved();
        String cell = "check(DotTests.class);";
        CellResult result = new TestsCellNotRun(() -> Optional.of(notebook)).explain(cell, engine.evaluate(cell, "In[4]"));

        assertThat(result.status()).isEqualTo(CellResult.Status.COMPILE_ERROR);
        String message = result.error().orElseThrow().message();
        assertThat(message).contains("DotTests").contains("warmup.dot").contains("cell 3")
                .contains("run the tests cell above first");
        assertThat(result.error().orElseThrow().traceback().get(0)).isEqualTo(message);
        // the compiler's own error is still shown below the advice
        assertThat(result.error().orElseThrow().traceback()).anyMatch(line -> line.contains("cannot find symbol"));
    }

    @Test
    void withoutTheNotebookItStillSaysToRunTheTestsCell() {
        String cell = "check(MatmulTests.class, OtherTests.class);";
        CellResult result = new TestsCellNotRun(Optional::empty).explain(cell, engine.evaluate(cell, "In[5]"));

        assertThat(result.error().orElseThrow().message())
                .contains("MatmulTests is not declared yet: run the tests cell above")
                .contains("OtherTests is not declared yet");
    }

    @Test
    void otherErrorsAreLeftAsTheCompilerGaveThem() {
        String typo = "check(DeclaredTests.class); int x = undefinedName;";
        engine.evaluate("class DeclaredTests {}", "In[6]");
        CellResult original = engine.evaluate(typo, "In[7]");
        CellResult result = new TestsCellNotRun(Optional::empty).explain(typo, original);

        assertThat(result).isSameAs(original);
    }

    @Test
    void theNotebookTellsPointsAndHiddenPointsOfAnExercise() throws IOException {
        SavedNotebook notebook = saved();

        assertThat(notebook.testsCellDeclaring("DotTests").orElseThrow().exercise()).isEqualTo("warmup.dot");
        assertThat(notebook.testsCellDeclaring("Dot")).isEmpty();
        assertThat(notebook.pointsOf("warmup.dot")).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("3"));
        assertThat(notebook.hiddenPointsOf("warmup.dot")).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("1"));
    }

    @Test
    void locatesTheSessionsNotebookInTheKernelsFolder() throws IOException {
        saved();
        assertThat(SavedNotebook.locate("course/exercises/00-warmup.ipynb", folder)).contains(folder.resolve("00-warmup.ipynb"));
        assertThat(SavedNotebook.locate(null, folder)).isEmpty();
        assertThat(SavedNotebook.locate("missing.ipynb", folder)).isEmpty();
    }
}

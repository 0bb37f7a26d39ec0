package ttlab.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.kernel.exercise.SavedNotebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExercisePointsTest {

    /** Stand-ins for the classes that a student copy's tests cells declare. */
    static class DotTests {
    }

    static class MatmulTests {
    }

    static class UnknownTests {
    }

    @TempDir
    Path folder;

    private SavedNotebook studentCopy(String matmulTestsMetadata) throws IOException {
        String notebook = "{\"cells\": ["
                + "{\"cell_type\": \"code\", \"id\": \"dot-solution\", \"metadata\": {\"ttlab\": {\"exercise\": \"warmup.dot\","
                + " \"points\": 3, \"role\": \"solution\"}}, \"source\": \"double dot() { return 0; }\"},"
                + "{\"cell_type\": \"code\", \"id\": \"dot-tests\", \"metadata\": {\"ttlab\": {\"exercise\": \"warmup.dot\","
                + " \"hidden-points\": 1, \"role\": \"tests\"}}, \"source\": [\"class DotTests {\\n\", \"}\"]},"
                + "{\"cell_type\": \"code\", \"id\": \"matmul-solution\", \"metadata\": {\"ttlab\": {\"exercise\":"
                + " \"warmup.matmul\", \"points\": 2.5, \"role\": \"solution\"}}, \"source\": \"\"},"
                + "{\"cell_type\": \"code\", \"id\": \"matmul-tests\", \"metadata\": " + matmulTestsMetadata
                + ", \"source\": \"class MatmulTests {}\"}"
                + "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
        Path file = folder.resolve("00-warmup.ipynb");
        Files.writeString(file, notebook, StandardCharsets.UTF_8);
        return SavedNotebook.read(file).orElseThrow();
    }

    private static final String MATMUL_TESTS = "{\"ttlab\": {\"exercise\": \"warmup.matmul\", \"hidden-points\": 0.5,"
            + " \"role\": \"tests\"}}";

    @Test
    void oneExercisesPointsAndHiddenPointsComeFromItsCells() throws IOException {
        ExercisePoints points = ExercisePoints.of(List.of(DotTests.class), studentCopy(MATMUL_TESTS)).orElseThrow();

        assertThat(points.exercises()).containsExactly("warmup.dot");
        assertThat(points.total()).isEqualByComparingTo("3");
        assertThat(points.hidden()).isEqualByComparingTo("1");
        assertThat(points.describe()).isEqualTo("warmup.dot: 3 points, 1 of them in hidden tests that run only at grading");
    }

    @Test
    void severalClassesAddUpTheirExercises() throws IOException {
        ExercisePoints points = ExercisePoints.of(List.of(DotTests.class, MatmulTests.class, DotTests.class),
                studentCopy(MATMUL_TESTS)).orElseThrow();

        assertThat(points.exercises()).containsExactly("warmup.dot", "warmup.matmul");
        assertThat(points.total()).isEqualByComparingTo("5.5");
        assertThat(points.hidden()).isEqualByComparingTo("1.5");
    }

    @Test
    void nothingIsClaimedWhenTheNotebookCannotTell() throws IOException {
        String unrecorded = "{\"ttlab\": {\"exercise\": \"warmup.matmul\", \"role\": \"tests\"}}";

        assertThat(ExercisePoints.of(List.of(UnknownTests.class), studentCopy(MATMUL_TESTS))).isEmpty();
        assertThat(ExercisePoints.of(List.of(DotTests.class, MatmulTests.class), studentCopy(unrecorded))).isEmpty();
    }
}

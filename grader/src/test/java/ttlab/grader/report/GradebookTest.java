package ttlab.grader.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The class gradebook from the three sample submissions of two masters. */
class GradebookTest {

    private static final String HEADER = "submission,student,assignment,warmup.square,warmup.greet,warmup.trim,"
            + "attention.softmax,attention.scores,total,max,percent,status\n";
    private static final String CSV = HEADER
            + "alice--01-attention,alice,01-attention,,,,2.0,3.0,5.0,10.0,50.0,graded\n"
            + "bob--00-warmup,bob,00-warmup,2.0,2.0,0.5,,,4.5,7.5,60.0,graded\n"
            + "carol--00-warmup,carol,00-warmup,4.0,1.0,0.0,,,5.0,7.0,71.4,graded\n";

    @Test
    void hasOneRowPerSubmissionAndOneColumnPerExercise() {
        Table table = Gradebook.of(SampleResults.all()).table();

        assertThat(table.columnNames()).containsExactly("submission", "student", "assignment", "warmup.square", "warmup.greet",
                "warmup.trim", "attention.softmax", "attention.scores", "total", "max", "percent", "status");
        assertThat(table.stringColumn("submission").asList()).containsExactly(SampleResults.IDS.toArray(String[]::new));
        assertThat(table.rowCount()).isEqualTo(3);
    }

    @Test
    void sumsThePointsOfEachExercise() {
        Table table = Gradebook.of(SampleResults.all()).table();

        assertThat(table.doubleColumn("warmup.square").get(1)).as("bob: 2 + 0 + 0").isEqualTo(2.0);
        assertThat(table.doubleColumn("warmup.square").get(2)).as("carol: 2 + 2").isEqualTo(4.0);
        assertThat(table.doubleColumn("warmup.greet").get(1)).as("bob: 0 + 2 (hidden)").isEqualTo(2.0);
        assertThat(table.doubleColumn("attention.scores").get(0)).as("alice: 3 + 0").isEqualTo(3.0);
        assertThat(table.doubleColumn("warmup.trim").get(2)).as("carol's master has it; she has no points").isEqualTo(0.0);
        assertThat(table.doubleColumn("warmup.trim").isMissing(0)).as("alice's master has no warm-up").isTrue();
        assertThat(table.doubleColumn("percent").get(2)).isEqualTo(71.4);
    }

    @Test
    void writesTheCsvExactly(@TempDir Path dir) throws Exception {
        Path file = Gradebook.of(SampleResults.all()).write(dir);

        assertThat(file).isEqualTo(dir.resolve("gradebook.csv"));
        assertThat(Files.readString(file)).startsWith(HEADER).isEqualTo(CSV);
    }

    @Test
    void isDeterministicWhateverTheOrderOfTheResults(@TempDir Path dir) throws Exception {
        byte[] first = Files.readAllBytes(Gradebook.of(SampleResults.all()).write(Files.createDirectory(dir.resolve("1"))));
        List<GradingResult> shuffled = new ArrayList<>(SampleResults.all());
        Collections.reverse(shuffled);
        byte[] second = Files.readAllBytes(Gradebook.of(shuffled).write(Files.createDirectory(dir.resolve("2"))));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void ordersExerciseColumnsByMasterNotBySubmission() throws Exception {
        // Only alice's master is read first here, yet 00-warmup's exercises still come first.
        List<GradingResult> results = List.of(SampleResults.read(SampleResults.ALICE), SampleResults.read(SampleResults.CAROL));

        assertThat(Gradebook.of(results).csv()).startsWith(
                "submission,student,assignment,warmup.square,warmup.greet,attention.softmax,attention.scores,total,max,percent,status\n");
    }

    @Test
    void anExerciseNamedLikeAFixedColumnGetsItsOwnColumn(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("x")).resolve("results.json");
        Files.writeString(file, """
                {"tests": [{"score": 1, "max_score": 2, "extra_data": {"exercise": "total"}}], "extra_data": {"master": "m"}}""");

        assertThat(Gradebook.of(List.of(GradingResult.read(file))).csv())
                .isEqualTo("submission,student,assignment,exercise total,total,max,percent,status\nx,x,m,1.0,1.0,2.0,50.0,graded\n");
    }

    @Test
    void anEmptyClassHasOnlyTheFixedColumns() {
        assertThat(Gradebook.of(List.of()).csv()).isEqualTo("submission,student,assignment,total,max,percent,status\n");
    }

    @Test
    void theStudentIsTheFolderOfTheNotebookOrTheNotebookGivenAlone() {
        assertThat(Gradebook.studentOf("alice--00-warmup")).isEqualTo("alice");
        assertThat(Gradebook.studentOf("bob")).isEqualTo("bob");
        assertThat(Gradebook.studentOf("x--alice--00-warmup")).isEqualTo("x");
        assertThat(Gradebook.assignmentOf("01-attention.ipynb")).isEqualTo("01-attention");
        assertThat(Gradebook.assignmentOf("/course/solutions/01-attention.ipynb")).isEqualTo("01-attention");
        assertThat(Gradebook.assignmentOf("solutions\\01-attention.ipynb")).isEqualTo("01-attention");
    }

    @Test
    void everyStudentOfTheRosterHasARowPerAssignmentWithMissingHandInsAsSuch() {
        Gradebook book = Gradebook.of(SampleResults.all()).withEveryStudentOf(List.of("carol", "dave", "alice"));

        assertThat(book.csv()).isEqualTo(HEADER
                + ",alice,00-warmup,,,,,,,,,missing\n"
                + "alice--01-attention,alice,01-attention,,,,2.0,3.0,5.0,10.0,50.0,graded\n"
                + "bob--00-warmup,bob,00-warmup,2.0,2.0,0.5,,,4.5,7.5,60.0,graded\n"
                + "carol--00-warmup,carol,00-warmup,4.0,1.0,0.0,,,5.0,7.0,71.4,graded\n"
                + ",carol,01-attention,,,,,,,,,missing\n"
                + ",dave,00-warmup,,,,,,,,,missing\n"
                + ",dave,01-attention,,,,,,,,,missing\n");
        assertThat(book.assignments()).containsExactly("00-warmup", "01-attention");
    }
}

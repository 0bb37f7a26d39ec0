package ttlab.grader.grade;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.grader.grade.WarmupNotebooks.cell;
import static ttlab.grader.grade.WarmupNotebooks.cells;
import static ttlab.grader.grade.WarmupNotebooks.correct;
import static ttlab.grader.grade.WarmupNotebooks.indexOf;
import static ttlab.grader.grade.WarmupNotebooks.remove;
import static ttlab.grader.grade.WarmupNotebooks.setSource;

class ReplayPlanTest {

    private Master master;

    @BeforeEach
    void readMaster(@TempDir Path tmp) throws Exception {
        Path file = WarmupNotebooks.write(tmp, WarmupNotebooks.NAME, WarmupNotebooks.masterBytes());
        master = Master.read(file, file.toString());
    }

    private ReplayPlan plan(JsonObject submission) throws Exception {
        Notebook nb = NotebookReader.parse(submission.toString().getBytes(StandardCharsets.UTF_8), "submission.ipynb");
        return ReplayPlan.of(master, nb, 1 << 20);
    }

    private static List<String> units(ReplayPlan plan) {
        return plan.steps().stream().map(WorkerRequest.ReplayStep::unit).toList();
    }

    @Test
    void replaysTheStudentsCellsInOrderAndSkipsWhatMustNotRun() throws Exception {
        ReplayPlan plan = plan(correct());
        // tests cells that nothing later uses, and check(...) cells, cannot change a grade: left out
        assertThat(units(plan)).containsExactly("cell:setup", "cell:square-solution", "cell:try-square",
                "cell:mean-solution");
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.tests()).extracting(WorkerRequest.TestCell::unit)
                .containsExactly("tests:square-tests", "tests:mean-tests", "tests:mean-hidden");
        assertThat(plan.tests().get(0).code()).contains("noOverflow"); // the master's, hidden tests included
        assertThat(plan.authored()).extracting(ApiScanner.StudentCell::id).containsExactly("square-solution", "mean-solution");
    }

    @Test
    void aDeletedSolutionIsReplacedByItsStubBeforeEverything() throws Exception {
        JsonObject nb = correct();
        remove(nb, "mean-solution");
        ReplayPlan plan = plan(nb);
        assertThat(units(plan).get(0)).isEqualTo("stub:mean-solution");
        assertThat(plan.steps().get(0).code()).contains("not implemented yet: warmup.mean");
        assertThat(plan.problems()).containsExactly("cell 'mean-solution' (cell 7, under \"Warm-up\"), the solution of warmup.mean, is missing:"
                + " the exercise's stub was run in its place, before your cells");
    }

    @Test
    void aDeletedLockedCellRunsWhereItWas() throws Exception {
        JsonObject nb = correct();
        remove(nb, "setup");
        ReplayPlan plan = plan(nb);
        assertThat(units(plan).get(0)).isEqualTo("original:setup");
        assertThat(plan.problems()).containsExactly("cell 'setup' (cell 2, under \"Warm-up\") is locked but was deleted: the original was run in its place");
    }

    @Test
    void editedLockedAndTestsCellsRunAsTheCourseWroteThem() throws Exception {
        JsonObject nb = correct();
        setSource(nb, "setup", "static final double EPS = 1;");
        setSource(nb, "mean-tests", "class MeanTests {}");
        ReplayPlan plan = plan(nb);
        assertThat(plan.steps().get(0).code()).isEqualTo("static final double EPS = 1e-9;");
        assertThat(plan.steps()).noneMatch(s -> s.code().equals("class MeanTests {}"));
        assertThat(plan.problems()).containsExactly(
                "cell 'setup' (cell 2, under \"Warm-up\") is locked but was edited: the original was run instead",
                "cell 'mean-tests' (cell 8, under \"Warm-up\") (tests) was edited: the course's tests were run instead; your changes do not count");
    }

    @Test
    void aTestsCellThatALaterCellUsesRunsInPlaceAsStudentsGotIt() throws Exception {
        JsonObject nb = correct();
        setSource(nb, "mean-tests", "class MeanTests {}");
        JsonObject mine = cell(nb, "try-square").deepCopy();
        mine.addProperty("id", "my-self-check");
        mine.addProperty("source", "check(MeanTests.class);\nnew MeanTests().two(); // a self-check of mine");
        cells(nb).add(mine);
        ReplayPlan plan = plan(nb);
        assertThat(units(plan)).containsExactly("cell:setup", "cell:square-solution", "cell:try-square",
                "cell:mean-solution", "cell:mean-tests", "cell:my-self-check");
        assertThat(plan.steps().get(4).code()).isEqualTo(WarmupNotebooks.MEAN_TESTS); // as students got it
    }

    @Test
    void checkCellsRunWhenTheStudentDeclaredACheckOfTheirOwn() throws Exception {
        JsonObject nb = correct();
        setSource(nb, "try-square", "int checks = 0;\nvoid check(Class<?> c) { checks++; }");
        assertThat(units(plan(nb))).contains("cell:check-square", "cell:square-tests");
    }

    @Test
    void onlyCellsOfCheckCallsAndCommentsCountAsCheckCells() {
        assertThat(ReplayTrimming.onlyChecks("check(SquareTests.class);")).isTrue();
        assertThat(ReplayTrimming.onlyChecks("// run the tests\ncheck(A.class, B.class);\n\ncheck(java.time.Duration.ofSeconds(2), C.class)\n")).isTrue();
        assertThat(ReplayTrimming.onlyChecks("check(A.class); square(2)")).isFalse();
        assertThat(ReplayTrimming.onlyChecks("check(A.class); /* then */ int x = 1;")).isFalse();
        assertThat(ReplayTrimming.onlyChecks("checkAll(A.class);")).isFalse();
        assertThat(ReplayTrimming.onlyChecks("   ")).isFalse();
    }

    @Test
    void whitespaceAtLineEndsIsNotAnEdit() throws Exception {
        JsonObject nb = correct();
        setSource(nb, "setup", "static final double EPS = 1e-9;   \r\n\n");
        assertThat(plan(nb).problems()).isEmpty();
    }

    @Test
    void duplicatedIdsRunEveryCopyUnderItsOwnName() throws Exception {
        JsonObject nb = correct();
        JsonObject copy = cell(nb, "try-square").deepCopy();
        copy.addProperty("source", "square(6)");
        cells(nb).add(copy);
        ReplayPlan plan = plan(nb);
        assertThat(units(plan)).contains("cell:try-square", "cell:try-square#2");
        assertThat(plan.steps().get(plan.steps().size() - 1).label())
                .as("the copy's own place, not the first's").isEqualTo("cell 'try-square' (cell 10, under \"Warm-up\") (copy 2)");
        assertThat(plan.problems()).containsExactly("the cell id 'try-square' appears 2 times (cells 4, 10): every copy"
                + " was run, in order, so the last definition counts");
    }

    @Test
    void movedCellsAreNotedAndRunWhereTheStudentPutThem() throws Exception {
        JsonObject nb = correct();
        JsonObject demo = cells(nb).remove(indexOf(nb, "try-square")).getAsJsonObject();
        cells(nb).add(demo);
        ReplayPlan plan = plan(nb);
        assertThat(units(plan).get(units(plan).size() - 1)).isEqualTo("cell:try-square");
        assertThat(plan.problems()).containsExactly("cell 'try-square' (cell 9, under \"Warm-up\") was moved from its place in the exercise notebook:"
                + " cells were run in your notebook's order");
    }

    @Test
    void aStudentsOwnCellsRunUnlessTheyMarkThemSkipInGrading() throws Exception {
        JsonObject nb = correct();
        JsonObject mine = cell(nb, "try-square").deepCopy();
        mine.addProperty("id", "scratch");
        mine.addProperty("source", "System.out.println(square(7));");
        cells(nb).add(mine);
        JsonObject skipped = mine.deepCopy();
        skipped.addProperty("id", "slow-plot");
        skipped.add("metadata", ttlab.grader.notebook.TestNotebooks.role("skip-in-grading"));
        cells(nb).add(skipped);
        ReplayPlan plan = plan(nb);
        assertThat(units(plan)).contains("cell:scratch").doesNotContain("cell:slow-plot");
        assertThat(plan.authored()).extracting(ApiScanner.StudentCell::id).contains("scratch");
    }

    @Test
    void aMastersWrongAnswersAreNeverReplayed(@TempDir Path tmp) throws Exception {
        JsonObject withWrongAnswer = WarmupNotebooks.master();
        JsonObject wrong = cell(withWrongAnswer, "try-square").deepCopy();
        wrong.addProperty("id", "square-wrong");
        wrong.addProperty("source", "int square(int x) { return x + x; }");
        wrong.add("metadata", com.google.gson.JsonParser.parseString("{\"ttlab\": {\"exercise\": \"warmup.square\","
                + " \"role\": \"wrong-answer\", \"mistake\": \"doubles\"}}"));
        cells(withWrongAnswer).add(wrong);
        Path file = WarmupNotebooks.write(tmp, WarmupNotebooks.NAME, withWrongAnswer.toString().getBytes(StandardCharsets.UTF_8));
        master = Master.read(file, file.toString());
        // Grading the master itself (as CI does) must not run its wrong answers after its solutions.
        assertThat(units(plan(withWrongAnswer))).contains("cell:square-solution").doesNotContain("cell:square-wrong");
    }
}

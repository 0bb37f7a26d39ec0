package ttlab.grader.gradescope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionChoiceTest {

    private static final List<String> KNOWN = List.of("00-warmup", "01-attention");

    @TempDir
    Path submission;

    private void handIn(String... names) throws IOException {
        for (String name : names) {
            Path file = submission.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{}");
        }
    }

    @Test
    void theFileNamePicksTheAssignment() throws IOException {
        handIn("01-attention.ipynb", "notes.txt", ".ipynb_checkpoints/01-attention-checkpoint.ipynb");
        SubmissionChoice choice = SubmissionChoice.of(submission, KNOWN, null);
        assertThat(choice.problem()).isNull();
        assertThat(choice.assignment()).isEqualTo("01-attention");
        assertThat(choice.notebook()).isEqualTo(submission.resolve("01-attention.ipynb"));
    }

    @Test
    void aNotebookInAFolderCountsToo() throws IOException {
        handIn("repo/work/00-warmup.ipynb");
        assertThat(SubmissionChoice.of(submission, KNOWN, null).assignment()).isEqualTo("00-warmup");
    }

    @Test
    void aNotebookNamedForNoAssignmentIsToldWhichNamesCount() throws IOException {
        handIn("00-warmup (1).ipynb");
        SubmissionChoice choice = SubmissionChoice.of(submission, KNOWN, null);
        assertThat(choice.notebook()).isNull();
        assertThat(choice.problem()).contains("00-warmup (1).ipynb names no assignment")
                .contains("00-warmup.ipynb, 01-attention.ipynb").contains("Rename");
    }

    @Test
    void filesThatAreNotNotebooksAreNamed() throws IOException {
        handIn("answers.pdf", "solution.java");
        assertThat(SubmissionChoice.of(submission, KNOWN, null).problem())
                .isEqualTo("No notebook (.ipynb) was handed in, only answers.pdf, solution.java: upload the notebook"
                        + " itself (00-warmup.ipynb, 01-attention.ipynb).");
    }

    @Test
    void anEmptySubmissionIsToldWhatToUpload() throws IOException {
        assertThat(SubmissionChoice.of(submission, KNOWN, "00-warmup").problem())
                .isEqualTo("Nothing was handed in: upload your notebook (00-warmup.ipynb).");
    }

    @Test
    void twoAssignmentsAtOnceAreRefused() throws IOException {
        handIn("00-warmup.ipynb", "01-attention.ipynb");
        assertThat(SubmissionChoice.of(submission, KNOWN, null).problem())
                .contains("Several assignments' notebooks").contains("one notebook per submission");
    }

    @Test
    void withOneAssignmentAnyNameWillDo() throws IOException {
        handIn("my homework.ipynb");
        SubmissionChoice choice = SubmissionChoice.of(submission, KNOWN, "00-warmup");
        assertThat(choice.assignment()).isEqualTo("00-warmup");
        assertThat(choice.notebook()).isEqualTo(submission.resolve("my homework.ipynb"));
    }

    @Test
    void withOneAssignmentAndSeveralNotebooksItsOwnNameWins() throws IOException {
        handIn("draft.ipynb", "00-warmup.ipynb");
        assertThat(SubmissionChoice.of(submission, KNOWN, "00-warmup").notebook())
                .isEqualTo(submission.resolve("00-warmup.ipynb"));
        Files.delete(submission.resolve("00-warmup.ipynb"));
        handIn("other.ipynb");
        assertThat(SubmissionChoice.of(submission, KNOWN, "00-warmup").problem())
                .startsWith("Several notebooks were handed in (draft.ipynb, other.ipynb)");
    }
}

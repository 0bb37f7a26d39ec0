package ttlab.grader.gradescope;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.grader.grade.Presentation.LatePenalty;
import ttlab.grader.serve.CourseConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LatePolicyTest {

    private static final String DUE = "2026-10-20T23:59:00.000000+02:00";

    @TempDir
    Path dir;
    private LatePolicy policy;

    @BeforeEach
    void courseConfiguration() throws IOException {
        Path solutions = Files.createDirectories(dir.resolve("solutions"));
        Files.writeString(solutions.resolve("00-warmup.ipynb"), "{}");
        Files.writeString(solutions.resolve("01-attention.ipynb"), "{}");
        Path config = Files.writeString(dir.resolve("course.json"), """
                {"defaults": {"late_penalty_per_day": 0.1, "grace_minutes": 5},
                 "assignments": {"00-warmup": {"late_penalty_per_day": 0.25}, "01-attention": {}}}
                """);
        policy = new LatePolicy(CourseConfig.read(config, solutions));
    }

    private Path metadata(String json) throws IOException {
        return Files.writeString(dir.resolve("submission_metadata.json"), json);
    }

    private Path handedIn(String createdAt, String dueDate) throws IOException {
        return metadata("{\"id\": 1, \"created_at\": \"" + createdAt + "\", \"assignment\": {\"due_date\": "
                + (dueDate == null ? "null" : "\"" + dueDate + "\"") + ", \"late_due_date\": null}}");
    }

    @Test
    void eachStartedDayAfterGradescopesDueDateCostsTheAssignmentsPenalty() throws IOException {
        LatePenalty late = policy.penalty("00-warmup", handedIn("2026-10-22T10:00:00.365935+02:00", DUE));
        assertThat(late.daysLate()).isEqualTo(2);
        assertThat(late.fraction()).isEqualTo(0.5);
        assertThat(late.explanation()).isEqualTo("Handed in 2 day(s) late (due 2026-10-20T21:59:00Z, handed in"
                + " 2026-10-22T08:00:00Z): the late penalty is 50% of the score");
    }

    @Test
    void onTimeAndWithinTheGraceNothingIsTaken() throws IOException {
        assertThat(policy.penalty("00-warmup", handedIn("2026-10-20T23:00:00-00:00", "2026-10-20T23:00:00Z")).fraction())
                .isZero();
        LatePenalty grace = policy.penalty("01-attention", handedIn("2026-10-21T00:03:00+02:00", DUE));
        assertThat(grace.daysLate()).isZero();
        assertThat(grace.explanation()).startsWith("On time (due 2026-10-20T21:59:00Z");
    }

    @Test
    void theDefaultsApplyToAnAssignmentWithoutRulesOfItsOwn() throws IOException {
        LatePenalty late = policy.penalty("01-attention", handedIn("2026-10-21T00:05:01+02:00", DUE));
        assertThat(late.daysLate()).isEqualTo(1);
        assertThat(late.fraction()).isEqualTo(0.1);
    }

    @Test
    void anAssignmentTheConfigurationDoesNotListHasNoPenalty() throws IOException {
        assertThat(policy.penalty("05-state-space-models", handedIn("2030-01-01T00:00:00Z", DUE)))
                .isEqualTo(new LatePenalty(0, 0, "No late penalty: the course configuration has no rules for"
                        + " 05-state-space-models"));
    }

    @Test
    void noDueDateOnGradescopeNoPenalty() throws IOException {
        LatePenalty late = policy.penalty("00-warmup", handedIn("2030-01-01T00:00:00Z", null));
        assertThat(late.fraction()).isZero();
        assertThat(late.explanation()).contains("no due date on Gradescope");
    }

    @Test
    void unreadableMetadataCostsNothingAndSaysWhy() throws IOException {
        assertThat(policy.penalty("00-warmup", metadata("{\"created_at\": \"yesterday\", \"assignment\": {}}")))
                .isEqualTo(new LatePenalty(0, 0, "No late penalty: the late policy could not be applied"
                        + " (submission_metadata.json: \"created_at\" is not an ISO 8601 date with an offset: \"yesterday\")"));
        assertThat(policy.penalty("00-warmup", metadata("not json")).explanation())
                .startsWith("No late penalty: the late policy could not be applied (submission_metadata.json: ");
        assertThat(policy.penalty("00-warmup", dir.resolve("missing.json")).fraction()).isZero();
    }
}

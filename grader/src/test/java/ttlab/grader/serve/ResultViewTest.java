package ttlab.grader.serve;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import ttlab.grader.report.GradingResult;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ResultViewTest {

    private static GradingResult bob() throws Exception {
        try (InputStream in = ResultViewTest.class.getResourceAsStream("/report/class/bob--00-warmup/results.json")) {
            return GradingResult.parse(in.readAllBytes(), "bob/results.json", "bob");
        }
    }

    @Test
    void studentsSeeOfAHiddenTestOnlyItsExerciseResultAndPoints() throws Exception {
        JsonObject student = ResultView.of(bob(), false);
        assertThat(student.toString()).doesNotContain("HIDDEN-DETAIL").doesNotContain("unicode()");
        JsonObject hidden = student.getAsJsonArray("tests").get(3).getAsJsonObject();
        assertThat(hidden.get("name").getAsString()).isEqualTo("hidden test");
        assertThat(hidden.get("exercise").getAsString()).isEqualTo("warmup.greet");
        assertThat(hidden.has("output")).isFalse();
        assertThat(hidden.get("hidden").getAsBoolean()).isTrue();
        JsonObject visible = student.getAsJsonArray("tests").get(1).getAsJsonObject();
        assertThat(visible.get("output").getAsString()).contains("but was: -9");
    }

    @Test
    void instructorsSeeEverything() throws Exception {
        JsonObject instructor = ResultView.of(bob(), true);
        assertThat(instructor.toString()).contains("HIDDEN-DETAIL").contains("unicode()");
        assertThat(instructor.get("score").getAsDouble()).isEqualTo(bob().score());
        assertThat(instructor.getAsJsonArray("exercises").size()).isEqualTo(bob().exerciseScores().size());
    }
}

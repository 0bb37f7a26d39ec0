package ttlab.grader.grade;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link Presentation} changes in results.json, and what it leaves as graded. */
class ResultsPresentationTest {

    private static final SubmissionResult RESULT = new SubmissionResult("alice", "00-warmup.ipynb", "master.ipynb",
            List.of(new GradedTest("warmup.dot", "DotTests", "small", "small()", GradedTest.PASSED, "", 2, false),
                    new GradedTest("warmup.dot", "DotTests", "random", "random()", GradedTest.FAILED,
                            "expected: 1.0\n but was: 2.0", 1, true)),
            List.of(), List.of(), true, "bubblewrap", true, Duration.ofMillis(2340), "");

    @Test
    void byDefaultHiddenTestsShowOncePublishedAndTheScoreIsTheTests() {
        JsonObject json = ResultsWriter.toJson(RESULT, Presentation.DEFAULT);
        assertThat(json.get("score").getAsDouble()).isEqualTo(2);
        assertThat(visibilities(json)).containsExactly("visible", "after_published");
        assertThat(json.getAsJsonObject("extra_data").has("late")).isFalse();
        assertThat(json.get("execution_time").getAsDouble()).isEqualTo(2.3);
        assertThat(json.get("output_format").getAsString()).isEqualTo("text");
        assertThat(json.get("stdout_visibility").getAsString()).isEqualTo("hidden");
        assertThat(json.getAsJsonArray("tests").get(1).getAsJsonObject().get("output_format").getAsString()).isEqualTo("text");
        assertThat(ResultsWriter.toJson(RESULT)).isEqualTo(json);
    }

    @Test
    void hiddenTestsCanStayHiddenForGood() {
        assertThat(visibilities(ResultsWriter.toJson(RESULT, new Presentation(Presentation.HIDDEN, null))))
                .containsExactly("visible", "hidden");
    }

    @Test
    void aLatePenaltyLowersTheScoreAndLeavesTheTestsTheirPoints() {
        Presentation late = Presentation.DEFAULT.withLate(new Presentation.LatePenalty(1, 0.25, "Handed in 1 day(s) late"));
        JsonObject json = ResultsWriter.toJson(RESULT, late);
        assertThat(json.get("score").getAsDouble()).isEqualTo(1.5);
        assertThat(json.get("max_score").getAsDouble()).isEqualTo(3);
        assertThat(json.getAsJsonArray("tests").get(0).getAsJsonObject().get("score").getAsDouble()).isEqualTo(2);
        JsonObject extra = json.getAsJsonObject("extra_data").getAsJsonObject("late");
        assertThat(extra.get("days_late").getAsInt()).isEqualTo(1);
        assertThat(extra.get("penalty").getAsDouble()).isEqualTo(0.25);
        assertThat(extra.get("score_before_penalty").getAsDouble()).isEqualTo(2);
        assertThat(json.get("output").getAsString()).startsWith("Score: 2 / 3 (1 of 2 tests passed)\n"
                + "Handed in 1 day(s) late: 1.5 / 3 counts\n");
    }

    @Test
    void onlyVisibilitiesThatKeepHiddenTestsFromStudentsAreAccepted() {
        assertThatThrownBy(() -> new Presentation("visible", null)).hasMessage(
                "hidden tests are after_published or hidden, not visible");
        assertThatThrownBy(() -> new Presentation.LatePenalty(1, 1.5, "")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> visibilities(JsonObject json) {
        return json.getAsJsonArray("tests").asList().stream()
                .map(t -> t.getAsJsonObject().get("visibility").getAsString()).toList();
    }
}

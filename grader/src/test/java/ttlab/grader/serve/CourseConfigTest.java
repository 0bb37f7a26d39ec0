package ttlab.grader.serve;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CourseConfigTest {

    @TempDir
    Path solutions;

    private CourseConfig parse(String json) throws IOException {
        Files.writeString(solutions.resolve("00-warmup.ipynb"), "{}");
        Files.writeString(solutions.resolve("01-attention.ipynb"), "{}");
        return CourseConfig.parse(JsonParser.parseString(json).getAsJsonObject(), solutions);
    }

    /**
     * The sample course rules of docs/grading.md, pasted as they are, configure the course's masters and
     * take hand-ins today, on time: a sample whose deadlines have passed refuses every one.
     */
    @Test
    void theDocumentedSampleWorksWhenPasted() throws IOException {
        String readme = Files.readString(Path.of("..", "docs", "grading.md"));
        String section = readme.substring(readme.indexOf("**Course rules**"));
        String sample = section.substring(section.indexOf("```json\n") + "```json\n".length(), section.indexOf("\n```\n"));
        CourseConfig config = CourseConfig.parse(JsonParser.parseString(sample).getAsJsonObject(), Path.of("..", "solutions"));
        assertThat(config.assignments()).isNotEmpty();
        for (Assignment assignment : config.assignments().values()) {
            Assignment.Decision today = assignment.decide(Instant.now());
            assertThat(today.accepted()).as("%s takes a hand-in today (%s)", assignment.name(), today.reason()).isTrue();
            assertThat(today.daysLate()).as("%s: a hand-in today is on time", assignment.name()).isZero();
        }
    }

    @Test
    void withoutAConfigurationEveryMasterIsAnOpenAssignment() throws IOException {
        Files.writeString(solutions.resolve("00-warmup.ipynb"), "{}");
        Files.writeString(solutions.resolve("01-attention.ipynb"), "{}");
        CourseConfig config = CourseConfig.defaults(solutions);
        assertThat(config.assignments()).containsOnlyKeys("00-warmup", "01-attention");
        assertThat(config.assignment("00-warmup")).contains(Assignment.open("00-warmup"));
        assertThat(config.counted()).isEqualTo(CourseConfig.Counted.LAST);
    }

    @Test
    void listedAssignmentsTakeTheDefaultsAndOverrideThem() throws IOException {
        CourseConfig config = parse("""
                {"timezone": "Europe/Berlin", "max_notebook_bytes": "2m", "gradebook": "best",
                 "instructor_group": "teachers",
                 "defaults": {"late_penalty_per_day": 0.1, "max_submissions": 5, "grace_minutes": 10},
                 "assignments": {"00-warmup": {"title": "Warm-up", "due": "2026-10-20T23:59",
                                               "cutoff": "2026-10-23", "max_submissions": 2}}}
                """);
        assertThat(config.assignments()).containsOnlyKeys("00-warmup");
        Assignment a = config.assignment("00-warmup").orElseThrow();
        assertThat(a.title()).isEqualTo("Warm-up");
        // 23:59 in Berlin in October (summer time, UTC+2) is 21:59 UTC.
        assertThat(a.due()).isEqualTo(Instant.parse("2026-10-20T21:59:00Z"));
        // A date alone is the end of that day, in the course's time zone.
        assertThat(a.cutoff()).isEqualTo(Instant.parse("2026-10-23T22:00:00Z").minusMillis(1));
        assertThat(a.penaltyPerDay()).isEqualTo(0.1);
        assertThat(a.grace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(a.maxSubmissions()).isEqualTo(2);
        assertThat(config.maxNotebookBytes()).isEqualTo(2L << 20);
        assertThat(config.counted()).isEqualTo(CourseConfig.Counted.BEST);
        assertThat(config.instructorGroup()).isEqualTo("teachers");
    }

    @Test
    void datesWithAnOffsetKeepIt() {
        assertThat(CourseConfig.instant("2026-10-20T23:59+02:00", ZoneId.of("UTC"), "due"))
                .isEqualTo(Instant.parse("2026-10-20T21:59:00Z"));
        assertThat(CourseConfig.instant("2026-10-20 08:00", ZoneId.of("UTC"), "due"))
                .isEqualTo(Instant.parse("2026-10-20T08:00:00Z"));
    }

    @Test
    void mistakesAreNamedByKey() {
        assertThatThrownBy(() -> parse("{\"assignments\": {\"00-warmup\": {\"deu\": \"2026-10-20\"}}}"))
                .hasMessageContaining("unknown key assignments.00-warmup.deu");
        assertThatThrownBy(() -> parse("{\"assignments\": {\"02-missing\": {}}}"))
                .hasMessageContaining("assignments.02-missing").hasMessageContaining("no master 02-missing.ipynb");
        assertThatThrownBy(() -> parse("{\"assignments\": {\"00-warmup\": {\"due\": \"next friday\"}}}"))
                .hasMessageContaining("assignments.00-warmup.due").hasMessageContaining("ISO 8601");
        assertThatThrownBy(() -> parse("{\"gradebook\": \"first\"}")).hasMessageContaining("gradebook");
        assertThatThrownBy(() -> parse("{\"timezone\": \"Mars/Olympus\"}")).hasMessageContaining("timezone");
        assertThatThrownBy(() -> parse("{\"defaults\": {\"max_submissions\": 2.5}}"))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse("{\"defaults\": {\"late_penalty_per_day\": -1}}"))
                .hasMessageContaining("negative");
    }

    @Test
    void aFileThatIsNotJsonSaysSo() throws IOException {
        Path file = solutions.resolve("course.json");
        Files.writeString(file, "{\"timezone\": ");
        assertThatThrownBy(() -> CourseConfig.read(file, solutions)).hasMessageStartingWith(file + ": not valid JSON");
    }
}

package ttlab.grader.gradescope;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import ttlab.grader.grade.Presentation.LatePenalty;
import ttlab.grader.serve.Assignment;
import ttlab.grader.serve.CourseConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The submission service's late policy on Gradescope: the penalty per started day late and the
 * grace of the course configuration ({@link CourseConfig}, the file {@code ./ttlab serve --config}
 * reads), applied by {@link Assignment#decide} to the time Gradescope received the submission
 * ({@code created_at} in {@code submission_metadata.json}) against the due date set on Gradescope
 * ({@code assignment.due_date}), which is the one students see there. The configuration's own
 * {@code due} and {@code cutoff} are the service's; Gradescope enforces its own late due date.
 */
final class LatePolicy {

    private final CourseConfig config;

    LatePolicy(CourseConfig config) {
        this.config = config;
    }

    /**
     * What the policy takes off the score of a submission for {@code assignment}. A metadata file
     * that cannot be read costs the student nothing, and the explanation says why.
     */
    LatePenalty penalty(String assignment, Path metadataFile) {
        Optional<Assignment> rules = config.assignment(assignment);
        if (rules.isEmpty()) {
            return new LatePenalty(0, 0, "No late penalty: the course configuration has no rules for " + assignment);
        }
        Instant handedIn;
        Instant due;
        try {
            JsonObject metadata = JsonParser.parseString(Files.readString(metadataFile, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            handedIn = instant(metadata.get("created_at"), "created_at");
            JsonElement gradescopeAssignment = metadata.get("assignment");
            if (gradescopeAssignment == null || !gradescopeAssignment.isJsonObject()) {
                throw new IllegalArgumentException("it has no \"assignment\"");
            }
            JsonElement dueDate = gradescopeAssignment.getAsJsonObject().get("due_date");
            due = dueDate == null || dueDate.isJsonNull() ? null : instant(dueDate, "assignment.due_date");
        } catch (IOException | JsonParseException | IllegalStateException | IllegalArgumentException e) {
            return new LatePenalty(0, 0, "No late penalty: the late policy could not be applied ("
                    + metadataFile.getFileName() + ": " + e.getMessage() + ")");
        }
        if (due == null) {
            return new LatePenalty(0, 0, "No late penalty: the assignment has no due date on Gradescope");
        }
        Assignment a = rules.get();
        Assignment.Decision decision = new Assignment(a.name(), a.title(), due, null, a.penaltyPerDay(), a.grace(), 0)
                .decide(handedIn);
        String when = "due " + text(due) + ", handed in " + text(handedIn);
        if (decision.daysLate() == 0) {
            return new LatePenalty(0, 0, "On time (" + when + ")");
        }
        return new LatePenalty(decision.daysLate(), decision.penalty(), "Handed in " + decision.daysLate()
                + " day(s) late (" + when + "): the late penalty is " + percent(decision.penalty()) + " of the score");
    }

    private static Instant instant(JsonElement value, String key) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("\"" + key + "\" is not a date: " + value);
        }
        try {
            return OffsetDateTime.parse(value.getAsString()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + key + "\" is not an ISO 8601 date with an offset: " + value);
        }
    }

    private static String text(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String percent(double fraction) {
        double p = Math.round(fraction * 1e6) / 1e4;
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }
}

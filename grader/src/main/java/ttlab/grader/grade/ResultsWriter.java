package ttlab.grader.grade;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a submission's results: {@code results.json} in Gradescope's format (keys sorted, rows in
 * the master's order, no times or durations except the separate {@code execution_time}, so the
 * same submission always gives the same file), {@code feedback.txt}, a short summary for a human,
 * and {@code worker.log}, what the grading processes printed.
 */
final class ResultsWriter {

    static final String RESULTS = "results.json";
    static final String FEEDBACK = "feedback.txt";
    static final String WORKER_LOG = "worker.log";

    private ResultsWriter() {
    }

    static void write(SubmissionResult result, Path folder) throws IOException {
        write(result, folder, Presentation.DEFAULT);
    }

    static void write(SubmissionResult result, Path folder, Presentation presentation) throws IOException {
        Files.createDirectories(folder);
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(sorted(toJson(result, presentation)));
        Files.writeString(folder.resolve(RESULTS), json + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(FEEDBACK), feedback(result, presentation.late()), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(WORKER_LOG), result.workerOutput(), StandardCharsets.UTF_8);
    }

    static JsonObject toJson(SubmissionResult result) {
        return toJson(result, Presentation.DEFAULT);
    }

    /**
     * With a late penalty, {@code score} is the score after it (Gradescope takes a top-level score
     * over the sum of the tests, which keep their own points) and {@code extra_data.late} says how
     * it was reached.
     */
    static JsonObject toJson(SubmissionResult result, Presentation presentation) {
        Presentation.LatePenalty late = presentation.late();
        JsonObject root = new JsonObject();
        root.add("score", number(late == null ? result.score() : late.apply(result.score())));
        root.add("max_score", number(result.maxScore()));
        root.add("execution_time", number(Math.round(result.executionTime().toMillis() / 100.0) / 10.0));
        root.addProperty("output", summary(result, late));
        // Messages are AssertJ's expected/actual blocks, aligned with spaces: shown as written.
        root.addProperty("output_format", "text");
        // On Gradescope the run's output names hidden tests and their messages: instructors only.
        root.addProperty("stdout_visibility", "hidden");
        JsonArray tests = new JsonArray();
        Map<String, Integer> perExercise = new LinkedHashMap<>();
        List<String> exerciseOrder = new ArrayList<>();
        for (GradedTest t : result.tests()) {
            if (!perExercise.containsKey(t.exercise())) {
                exerciseOrder.add(t.exercise());
            }
            int n = perExercise.merge(t.exercise(), 1, Integer::sum);
            tests.add(test(t, (exerciseOrder.indexOf(t.exercise()) + 1) + "." + n, presentation.hiddenTests()));
        }
        root.add("tests", tests);
        JsonObject extra = new JsonObject();
        extra.addProperty("submission", result.id());
        extra.addProperty("notebook", result.notebook());
        extra.addProperty("master", result.master());
        extra.add("problems", strings(result.problems()));
        extra.add("api_flags", flags(result.flags()));
        extra.addProperty("network_isolation", result.networkIsolation());
        extra.addProperty("sandbox", result.sandbox());
        extra.add("exercises", exercises(result));
        if (late != null) {
            JsonObject lateness = new JsonObject();
            lateness.addProperty("days_late", late.daysLate());
            lateness.add("penalty", number(late.fraction()));
            lateness.add("score_before_penalty", number(result.score()));
            lateness.addProperty("explanation", late.explanation());
            extra.add("late", lateness);
        }
        root.add("extra_data", extra);
        return root;
    }

    private static JsonObject test(GradedTest t, String number, String hiddenVisibility) {
        JsonObject o = new JsonObject();
        String prefix = t.exercise().isEmpty() ? TestInventory.outer(t.className()) : t.exercise();
        o.addProperty("name", prefix + " \u203a " + t.displayName());
        o.addProperty("number", number);
        o.add("score", number(SubmissionResult.round(t.score())));
        o.add("max_score", number(SubmissionResult.round(t.maxPoints())));
        o.addProperty("status", t.passed() || ("SKIPPED".equals(t.outcome()) && t.maxPoints() == 0) ? "passed" : "failed");
        o.addProperty("output", t.message());
        o.addProperty("output_format", "text");
        o.addProperty("visibility", t.hidden() ? hiddenVisibility : "visible");
        JsonArray tags = new JsonArray();
        if (!t.exercise().isEmpty()) {
            tags.add(t.exercise());
        }
        o.add("tags", tags);
        JsonObject extra = new JsonObject();
        extra.addProperty("exercise", t.exercise());
        extra.addProperty("outcome", t.outcome());
        extra.addProperty("class", t.className());
        extra.addProperty("method", t.methodName());
        o.add("extra_data", extra);
        return o;
    }

    private static JsonArray flags(List<ApiScanner.ApiFlag> flags) {
        JsonArray array = new JsonArray();
        for (ApiScanner.ApiFlag f : flags) {
            JsonObject o = new JsonObject();
            o.addProperty("cell", f.cell());
            o.addProperty("line", f.line());
            o.addProperty("category", f.category());
            o.addProperty("api", f.api());
            o.addProperty("code", f.code());
            array.add(o);
        }
        return array;
    }

    /** Per exercise: its points, earned and available, in the master's order. */
    private static JsonArray exercises(SubmissionResult result) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (GradedTest t : result.tests()) {
            double[] s = sums.computeIfAbsent(t.exercise(), k -> new double[3]);
            s[0] += t.score();
            s[1] += t.maxPoints();
            s[2] += 1;
        }
        JsonArray array = new JsonArray();
        sums.forEach((id, s) -> {
            JsonObject o = new JsonObject();
            o.addProperty("id", id);
            o.add("score", number(SubmissionResult.round(s[0])));
            o.add("max_score", number(SubmissionResult.round(s[1])));
            array.add(o);
        });
        return array;
    }

    /**
     * The text Gradescope shows above the tests: the score, the late penalty when there is one,
     * each exercise, and the problems.
     */
    static String summary(SubmissionResult result, Presentation.LatePenalty late) {
        StringBuilder text = new StringBuilder();
        if (!result.gradable()) {
            text.append("Not graded.\n");
        } else {
            long passed = result.tests().stream().filter(GradedTest::passed).count();
            text.append("Score: ").append(points(result.score())).append(" / ").append(points(result.maxScore()))
                    .append(" (").append(passed).append(" of ").append(result.tests().size()).append(" tests passed)\n");
            if (late != null) {
                text.append(late.explanation());
                if (late.fraction() > 0) {
                    text.append(": ").append(points(late.apply(result.score()))).append(" / ")
                            .append(points(result.maxScore())).append(" counts");
                }
                text.append('\n');
            }
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (GradedTest t : result.tests()) {
                double[] s = sums.computeIfAbsent(t.exercise(), k -> new double[2]);
                s[0] += t.score();
                s[1] += t.maxPoints();
            }
            sums.forEach((id, s) -> text.append("  ").append(id.isEmpty() ? "(no exercise)" : id).append(": ")
                    .append(points(SubmissionResult.round(s[0]))).append(" / ")
                    .append(points(SubmissionResult.round(s[1]))).append('\n'));
        }
        if (!result.problems().isEmpty()) {
            text.append("Problems:\n");
            result.problems().forEach(p -> text.append("  - ").append(p).append('\n'));
        }
        return text.toString();
    }

    private static String feedback(SubmissionResult result, Presentation.LatePenalty late) {
        StringBuilder text = new StringBuilder();
        text.append(result.id()).append(" (").append(result.notebook()).append(", master ").append(result.master())
                .append(")\n").append(summary(result, late));
        List<GradedTest> failed = result.tests().stream().filter(t -> !t.passed() && t.maxPoints() > 0).toList();
        if (!failed.isEmpty()) {
            text.append("Failed tests:\n");
            for (GradedTest t : failed) {
                String prefix = t.exercise().isEmpty() ? TestInventory.outer(t.className()) : t.exercise();
                text.append("  - ").append(prefix).append(" \u203a ").append(t.displayName())
                        .append(t.hidden() ? " (hidden)" : "").append(": ")
                        .append(t.message().lines().findFirst().orElse(t.outcome())).append('\n');
            }
        }
        if (!result.flags().isEmpty()) {
            text.append("APIs outside the course's allowance (\"refused:\" ones made the method that used them fail; the others are for information):\n");
            for (ApiScanner.ApiFlag f : result.flags()) {
                text.append("  - ").append(ReplayPlan.label(f.cell())).append(f.line() > 0 ? " line " + f.line() : "").append(": ")
                        .append(f.api()).append(" (").append(f.category()).append(")\n");
            }
        }
        if (!result.networkIsolation()) {
            text.append("Note: this machine could not cut the grading process off the network.\n");
        }
        if (!result.sandbox().startsWith("bubblewrap")) {
            text.append("Note: graded without a sandbox (").append(result.sandbox()).append(").\n");
        }
        return text.toString();
    }

    private static JsonArray strings(List<String> items) {
        JsonArray array = new JsonArray();
        items.forEach(array::add);
        return array;
    }

    /** 2 rather than 2.0, 0.666667 rather than 0.6666666666666666. */
    static JsonPrimitive number(double value) {
        double rounded = SubmissionResult.round(value);
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return new JsonPrimitive((long) rounded);
        }
        return new JsonPrimitive(BigDecimal.valueOf(rounded).stripTrailingZeros());
    }

    private static String points(double value) {
        return number(value).getAsNumber().toString();
    }

    /** The same document with every object's keys in sorted order. */
    static JsonElement sorted(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject sorted = new JsonObject();
            Set<String> keys = new TreeSet<>(element.getAsJsonObject().keySet());
            for (String key : keys) {
                sorted.add(key, sorted(element.getAsJsonObject().get(key)));
            }
            return sorted;
        }
        if (element.isJsonArray()) {
            JsonArray sorted = new JsonArray();
            element.getAsJsonArray().forEach(e -> sorted.add(sorted(e)));
            return sorted;
        }
        return element;
    }
}

package ttlab.grader.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import ttlab.grader.report.GradingResult;
import ttlab.grader.report.Score;

import java.util.Map;

/**
 * A graded submission's results as the API shows them: the score, each exercise, the problems
 * with the notebook, and each test. A student sees what the feedback page shows them: of a hidden
 * test only its exercise, result and points, never its name or output.
 */
final class ResultView {

    private ResultView() {
    }

    static JsonObject of(GradingResult result, boolean instructor) {
        JsonObject o = new JsonObject();
        o.addProperty("score", result.total().earned());
        o.addProperty("max_score", result.total().max());
        o.addProperty("summary", result.output());
        JsonArray exercises = new JsonArray();
        for (Map.Entry<String, Score> e : result.exerciseScores().entrySet()) {
            JsonObject x = new JsonObject();
            x.addProperty("exercise", e.getKey());
            x.addProperty("score", e.getValue().earned());
            x.addProperty("max_score", e.getValue().max());
            exercises.add(x);
        }
        o.add("exercises", exercises);
        JsonArray problems = new JsonArray();
        result.problems().forEach(problems::add);
        o.add("problems", problems);
        JsonArray tests = new JsonArray();
        for (GradingResult.TestCase t : result.tests()) {
            boolean hidden = t.hiddenFromStudents();
            JsonObject x = new JsonObject();
            x.addProperty("name", hidden && !instructor ? "hidden test" : t.name());
            x.addProperty("exercise", t.exercise());
            x.addProperty("hidden", hidden);
            x.addProperty("status", t.status());
            x.addProperty("outcome", t.outcome().label());
            x.addProperty("score", t.points().earned());
            x.addProperty("max_score", t.points().max());
            if (!hidden || instructor) {
                x.addProperty("output", t.output());
            }
            tests.add(x);
        }
        o.add("tests", tests);
        return o;
    }
}

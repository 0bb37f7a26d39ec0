package ttlab.grader.gradescope;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ttlab.grader.grade.Presentation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ttlab gradescope} decided when it built a bundle, for {@code run_autograder} to
 * grade by: the file {@value #FILE} in the bundle.
 *
 * @param gradeOptions the grading limits, as {@code ttlab grade} takes them ({@code --heap 512m ...})
 * @param assignment   the one master every submission is graded against; null: the notebook's
 *                     file name picks it
 * @param hiddenTests  Gradescope's visibility of hidden tests
 * @param latePolicy   whether the bundle's course configuration ({@value #COURSE_CONFIG}) sets a
 *                     late penalty from Gradescope's submission time and due date
 */
record BundleSettings(List<String> gradeOptions, String assignment, String hiddenTests, boolean latePolicy) {

    static final String FILE = "ttlab-autograder.json";
    /** The course configuration in the bundle, beside the settings. */
    static final String COURSE_CONFIG = "course.json";
    /** The masters' folder in the bundle. */
    static final String SOLUTIONS = "solutions";

    BundleSettings {
        gradeOptions = List.copyOf(gradeOptions);
        new Presentation(hiddenTests, null); // checks the visibility
    }

    String toJson() {
        JsonObject o = new JsonObject();
        JsonArray options = new JsonArray();
        gradeOptions.forEach(options::add);
        o.add("grade_options", options);
        o.addProperty("assignment", assignment);
        o.addProperty("hidden_tests", hiddenTests);
        o.addProperty("late_policy", latePolicy);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(o) + "\n";
    }

    /** Reads the settings a bundle carries; a damaged file is named with what is wrong. */
    static BundleSettings read(Path file) throws IOException {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            List<String> options = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("grade_options")) {
                options.add(e.getAsString());
            }
            JsonElement assignment = o.get("assignment");
            return new BundleSettings(options, assignment == null || assignment.isJsonNull() ? null : assignment.getAsString(),
                    o.get("hidden_tests").getAsString(), o.get("late_policy").getAsBoolean());
        } catch (RuntimeException e) { // Gson's parse and cast errors, a missing key, a bad visibility
            throw new IOException(file + " is not the settings ttlab gradescope writes (" + e.getMessage()
                    + "): build the bundle again");
        }
    }
}

package ttlab.grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cell's grading metadata, {@code metadata.ttlab = {"exercise": "warmup.square", "points": 2,
 * "role": "solution"}}; every key is optional. Unknown keys are errors rather than ignored, so
 * that a typo such as {@code "point"} cannot silently cost students their points. A
 * {@code wrong-answer} cell also says what its mistake is ({@code "mistake"}), and may name the
 * solution cell it replaces ({@code "replaces"}) and the exercises that build on its exercise and
 * so may lose points with it ({@code "also-affects"}). A student copy's {@code tests} cell also
 * says how many of its exercise's points its hidden tests carry ({@code "hidden-points"}), which
 * {@code assign} writes so that {@code check(...)} can tell students without showing those tests.
 */
public record TtlabMetadata(Optional<String> exercise, Optional<BigDecimal> points, Optional<CellRole> role,
                            Optional<WrongAnswer> wrongAnswer, Optional<BigDecimal> hiddenPoints) {

    /** What a {@code wrong-answer} cell declares about itself. */
    public record WrongAnswer(String mistake, Optional<String> replaces, List<String> alsoAffects) {
        public WrongAnswer {
            alsoAffects = List.copyOf(alsoAffects);
        }
    }

    public static final String KEY = "ttlab";
    /** Written by {@code assign} on the tests cells of student copies; a master never declares it. */
    public static final String HIDDEN_POINTS = "hidden-points";
    public static final TtlabMetadata NONE = new TtlabMetadata(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    private static final List<String> WRONG_ANSWER_KEYS = List.of("mistake", "replaces", "also-affects");
    private static final Set<String> KNOWN_KEYS = Set.of("exercise", "points", "role", "mistake", "replaces", "also-affects",
            HIDDEN_POINTS);
    private static final Pattern CELL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern EXERCISE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    public boolean hasRole(CellRole wanted) {
        return role.isPresent() && role.get() == wanted;
    }

    /** Reads and checks {@code metadata.ttlab} of a cell; {@code notebook} names it in errors. */
    public static TtlabMetadata of(Cell cell, String notebook) throws NotebookException {
        JsonElement element = cell.metadata().get(KEY);
        if (element == null) {
            return NONE;
        }
        if (!element.isJsonObject()) {
            throw error(cell, notebook, "metadata.ttlab must be an object, not " + JsonKind.of(element));
        }
        JsonObject ttlab = element.getAsJsonObject();
        for (String key : ttlab.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                throw error(cell, notebook, "unknown key \"" + key + "\" in metadata.ttlab; known keys: exercise, points,"
                        + " role, and for wrong-answer cells mistake, replaces, also-affects");
            }
        }
        Optional<CellRole> role = role(ttlab.get("role"), cell, notebook);
        TtlabMetadata metadata = new TtlabMetadata(
                exercise(ttlab.get("exercise"), cell, notebook),
                number(ttlab, "points", cell, notebook),
                role,
                wrongAnswer(ttlab, role, cell, notebook),
                number(ttlab, HIDDEN_POINTS, cell, notebook));
        metadata.checkFits(cell, notebook);
        return metadata;
    }

    private static Optional<WrongAnswer> wrongAnswer(JsonObject ttlab, Optional<CellRole> role, Cell cell, String notebook)
            throws NotebookException {
        if (role.isEmpty() || role.get() != CellRole.WRONG_ANSWER) {
            for (String key : WRONG_ANSWER_KEYS) {
                if (ttlab.has(key)) {
                    throw error(cell, notebook, "\"" + key + "\" belongs to wrong-answer cells (this cell's role is "
                            + role.map(r -> "\"" + r.key() + "\"").orElse("not set") + ")");
                }
            }
            return Optional.empty();
        }
        JsonElement mistake = ttlab.get("mistake");
        if (mistake == null || !isString(mistake) || mistake.getAsString().isBlank()) {
            throw error(cell, notebook, "a wrong-answer cell says what its mistake is: add \"mistake\": \"<one line,"
                    + " e.g. forgets the 1/N>\" to metadata.ttlab");
        }
        Optional<String> replaces = Optional.empty();
        JsonElement replaced = ttlab.get("replaces");
        if (replaced != null) {
            if (!isString(replaced) || !CELL_ID.matcher(replaced.getAsString()).matches()) {
                throw error(cell, notebook, "\"replaces\" must be the id of a solution cell, not " + replaced);
            }
            replaces = Optional.of(replaced.getAsString());
        }
        List<String> alsoAffects = new ArrayList<>();
        JsonElement affected = ttlab.get("also-affects");
        if (affected != null) {
            if (!affected.isJsonArray()) {
                throw error(cell, notebook, "\"also-affects\" must be a list of exercise ids, not " + JsonKind.of(affected));
            }
            for (JsonElement id : (JsonArray) affected) {
                alsoAffects.add(exercise(id, cell, notebook).orElseThrow());
            }
        }
        return Optional.of(new WrongAnswer(mistake.getAsString().strip(), replaces, alsoAffects));
    }

    private void checkFits(Cell cell, String notebook) throws NotebookException {
        if (role.isPresent() && role.get() != CellRole.LOCKED && role.get() != CellRole.SKIP_IN_GRADING && !cell.isCode()) {
            throw error(cell, notebook, "role \"" + role.get() + "\" is for code cells, but this is a " + cell.type() + " cell");
        }
        if (hasRole(CellRole.SOLUTION) && exercise.isEmpty()) {
            throw error(cell, notebook, "a solution cell needs an exercise id: add \"exercise\": \"<id>\" to metadata.ttlab");
        }
        if (hasRole(CellRole.WRONG_ANSWER) && exercise.isEmpty()) {
            throw error(cell, notebook, "a wrong-answer cell needs the id of the exercise it gets wrong: add"
                    + " \"exercise\": \"<id>\" to metadata.ttlab");
        }
        if (hasRole(CellRole.WRONG_ANSWER) && points.isPresent()) {
            throw error(cell, notebook, "a wrong-answer cell declares no points (the exercise's solution cell does)");
        }
        if (hiddenPoints.isPresent() && (!hasRole(CellRole.TESTS) || exercise.isEmpty())) {
            throw error(cell, notebook, "hidden-points belongs on the tests cell of an exercise");
        }
        if (points.isPresent() && exercise.isEmpty()) {
            throw error(cell, notebook, "points belong to an exercise: add \"exercise\": \"<id>\" to metadata.ttlab");
        }
    }

    private static Optional<String> exercise(JsonElement value, Cell cell, String notebook) throws NotebookException {
        if (value == null) {
            return Optional.empty();
        }
        if (!isString(value) || !EXERCISE_ID.matcher(value.getAsString()).matches()) {
            throw error(cell, notebook, "exercise id " + value + " in metadata.ttlab must be a string of letters,"
                    + " digits, '.', '_' or '-', e.g. \"warmup.square\"");
        }
        return Optional.of(value.getAsString());
    }

    private static Optional<BigDecimal> number(JsonObject ttlab, String key, Cell cell, String notebook)
            throws NotebookException {
        JsonElement value = ttlab.get(key);
        if (value == null) {
            return Optional.empty();
        }
        BigDecimal points = null;
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            try {
                points = new BigDecimal(value.getAsString());
            } catch (NumberFormatException nan) {
                points = null;
            }
        }
        if (points == null || points.signum() < 0) {
            throw error(cell, notebook, key + " must be a non-negative number, not " + value);
        }
        return Optional.of(points);
    }

    private static Optional<CellRole> role(JsonElement value, Cell cell, String notebook) throws NotebookException {
        if (value == null) {
            return Optional.empty();
        }
        Optional<CellRole> role = isString(value) ? CellRole.fromKey(value.getAsString()) : Optional.empty();
        if (role.isEmpty()) {
            throw error(cell, notebook, "unknown role " + value + " in metadata.ttlab; known roles: " + CellRole.allKeys());
        }
        return role;
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && ((JsonPrimitive) e).isString();
    }

    private static NotebookException error(Cell cell, String notebook, String reason) {
        return new NotebookException(notebook, NotebookException.where(cell) + ": " + reason);
    }
}

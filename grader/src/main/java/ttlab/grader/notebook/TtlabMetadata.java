package ttlab.grader.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cell's grading metadata, {@code metadata.ttlab = {"exercise": "warmup.square", "points": 2,
 * "role": "solution"}}; every key is optional. Unknown keys are errors rather than ignored, so
 * that a typo such as {@code "point"} cannot silently cost students their points.
 */
public record TtlabMetadata(Optional<String> exercise, Optional<BigDecimal> points, Optional<CellRole> role) {

    public static final String KEY = "ttlab";
    public static final TtlabMetadata NONE = new TtlabMetadata(Optional.empty(), Optional.empty(), Optional.empty());

    private static final Set<String> KNOWN_KEYS = Set.of("exercise", "points", "role");
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
                throw error(cell, notebook, "unknown key \"" + key + "\" in metadata.ttlab; known keys: exercise, points, role");
            }
        }
        TtlabMetadata metadata = new TtlabMetadata(
                exercise(ttlab.get("exercise"), cell, notebook),
                points(ttlab.get("points"), cell, notebook),
                role(ttlab.get("role"), cell, notebook));
        metadata.checkFits(cell, notebook);
        return metadata;
    }

    private void checkFits(Cell cell, String notebook) throws NotebookException {
        if (role.isPresent() && role.get() != CellRole.LOCKED && role.get() != CellRole.SKIP_IN_GRADING && !cell.isCode()) {
            throw error(cell, notebook, "role \"" + role.get() + "\" is for code cells, but this is a " + cell.type() + " cell");
        }
        if (hasRole(CellRole.SOLUTION) && exercise.isEmpty()) {
            throw error(cell, notebook, "a solution cell needs an exercise id: add \"exercise\": \"<id>\" to metadata.ttlab");
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

    private static Optional<BigDecimal> points(JsonElement value, Cell cell, String notebook) throws NotebookException {
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
            throw error(cell, notebook, "points must be a non-negative number, not " + value);
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

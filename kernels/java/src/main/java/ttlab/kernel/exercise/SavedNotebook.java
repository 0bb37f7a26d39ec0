package ttlab.kernel.exercise;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The notebook a kernel runs for, as last saved: its cells with their {@code metadata.ttlab}. The
 * kernel only ever sees the code of the cell it runs; what a student copy says about its exercises
 * (which cell declares a test class, an exercise's points) is in the file. Tests cells are
 * read-only, so the saved file says the same about them as the open notebook.
 */
public final class SavedNotebook {

    /** One cell; {@code number} counts from 1 as JupyterLab shows cells. Empty strings where metadata says nothing. */
    public record SavedCell(int number, String id, boolean code, String source, String role, String exercise,
                            Optional<BigDecimal> points, Optional<BigDecimal> hiddenPoints) {

        public boolean isTests() {
            return "tests".equals(role);
        }

        /** True when the cell's code declares a class (or record, interface, enum) of this simple name. */
        public boolean declaresType(String simpleName) {
            return code && Pattern.compile("\\b(class|record|interface|enum)\\s+" + Pattern.quote(simpleName) + "\\b")
                    .matcher(source).find();
        }
    }

    private final Path file;
    private final List<SavedCell> cells;

    private SavedNotebook(Path file, List<SavedCell> cells) {
        this.file = file;
        this.cells = List.copyOf(cells);
    }

    /**
     * The notebook this kernel was started for: Jupyter Server names it in {@code JPY_SESSION_NAME},
     * absolute or relative to the server's root, while the kernel runs in the notebook's folder.
     */
    public static Optional<Path> locate(String session, Path folder) {
        if (session == null || session.isBlank()) {
            return Optional.empty();
        }
        Path given = folder.resolve(session);
        if (Files.isRegularFile(given)) {
            return Optional.of(given);
        }
        Path name = Path.of(session).getFileName();
        if (name != null && Files.isRegularFile(folder.resolve(name))) {
            return Optional.of(folder.resolve(name));
        }
        return Optional.empty();
    }

    /** This kernel's notebook, read now; empty when it is not known or cannot be read. */
    public static Optional<SavedNotebook> ofThisKernel() {
        return locate(System.getenv("JPY_SESSION_NAME"), Path.of("").toAbsolutePath()).flatMap(SavedNotebook::read);
    }

    /** The notebook in {@code file}; empty when it cannot be read as a notebook. */
    public static Optional<SavedNotebook> read(Path file) {
        try {
            JsonObject notebook = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            JsonArray cells = notebook.getAsJsonArray("cells");
            if (cells == null) {
                return Optional.empty();
            }
            List<SavedCell> read = new ArrayList<>();
            for (JsonElement element : cells) {
                read.add(cell(read.size() + 1, element.getAsJsonObject()));
            }
            return Optional.of(new SavedNotebook(file, read));
        } catch (IOException | JsonParseException | IllegalStateException | ClassCastException | NumberFormatException e) {
            return Optional.empty(); // a hint that cannot be given is no reason to fail the cell
        }
    }

    private static SavedCell cell(int number, JsonObject cell) {
        JsonObject metadata = cell.has("metadata") && cell.get("metadata").isJsonObject()
                ? cell.getAsJsonObject("metadata") : new JsonObject();
        JsonObject ttlab = metadata.has("ttlab") && metadata.get("ttlab").isJsonObject()
                ? metadata.getAsJsonObject("ttlab") : new JsonObject();
        return new SavedCell(number, string(cell, "id"), "code".equals(string(cell, "cell_type")), source(cell.get("source")),
                string(ttlab, "role"), string(ttlab, "exercise"), number(ttlab, "points"), number(ttlab, "hidden-points"));
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }

    private static Optional<BigDecimal> number(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                ? Optional.of(value.getAsBigDecimal()) : Optional.empty();
    }

    /** A cell's source as one string: nbformat stores it as one string or as a list of lines. */
    public static String source(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return source.getAsString();
    }

    public Path file() {
        return file;
    }

    public List<SavedCell> cells() {
        return cells;
    }

    /** The tests cell that declares a test class, by its simple name. */
    public Optional<SavedCell> testsCellDeclaring(String testClass) {
        return cells.stream().filter(c -> c.isTests() && c.declaresType(testClass)).findFirst();
    }

    /** The points an exercise declares (on any of its cells, usually its solution cell). */
    public Optional<BigDecimal> pointsOf(String exercise) {
        return cells.stream().filter(c -> c.exercise().equals(exercise) && c.points().isPresent())
                .map(c -> c.points().get()).findFirst();
    }

    /** The points of an exercise that its hidden tests carry, as {@code assign} recorded them on its tests cells. */
    public Optional<BigDecimal> hiddenPointsOf(String exercise) {
        return cells.stream().filter(c -> c.exercise().equals(exercise) && c.isTests() && c.hiddenPoints().isPresent())
                .map(c -> c.hiddenPoints().get()).findFirst();
    }
}

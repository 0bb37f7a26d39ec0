package ttlab.grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;

/** Small notebooks built in code, for tests that are clearer with the cells in view. */
public final class TestNotebooks {

    private TestNotebooks() {
    }

    public static JsonObject code(String id, String source, JsonObject metadata) {
        JsonObject cell = cell(id, Cell.CODE, source, metadata);
        cell.add("execution_count", JsonNull.INSTANCE);
        cell.add("outputs", new JsonArray());
        return cell;
    }

    public static JsonObject code(String id, String source) {
        return code(id, source, new JsonObject());
    }

    public static JsonObject markdown(String id, String source, JsonObject metadata) {
        return cell(id, Cell.MARKDOWN, source, metadata);
    }

    /** Cell metadata {@code {"ttlab": {...}}}; null arguments are left out. */
    public static JsonObject ttlab(String exercise, Number points, String role) {
        JsonObject ttlab = new JsonObject();
        if (exercise != null) {
            ttlab.addProperty("exercise", exercise);
        }
        if (points != null) {
            ttlab.addProperty("points", points);
        }
        if (role != null) {
            ttlab.addProperty("role", role);
        }
        JsonObject metadata = new JsonObject();
        metadata.add("ttlab", ttlab);
        return metadata;
    }

    public static JsonObject role(String role) {
        return ttlab(null, null, role);
    }

    public static JsonObject solution(String exercise) {
        return ttlab(exercise, null, "solution");
    }

    public static JsonObject document(JsonObject... cells) {
        JsonObject nb = new JsonObject();
        JsonArray array = new JsonArray();
        for (JsonObject cell : cells) {
            array.add(cell);
        }
        nb.add("cells", array);
        JsonObject kernelspec = new JsonObject();
        kernelspec.addProperty("name", "java");
        kernelspec.addProperty("display_name", "Java (ttlab)");
        kernelspec.addProperty("language", "java");
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", kernelspec);
        nb.add("metadata", metadata);
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        return nb;
    }

    public static Notebook notebook(JsonObject... cells) {
        try {
            return NotebookReader.parse(document(cells).toString().getBytes(StandardCharsets.UTF_8), "test.ipynb");
        } catch (NotebookException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject cell(String id, String type, String source, JsonObject metadata) {
        JsonObject cell = new JsonObject();
        cell.addProperty("id", id);
        cell.addProperty("cell_type", type);
        cell.add("metadata", metadata);
        cell.addProperty("source", source);
        return cell;
    }
}

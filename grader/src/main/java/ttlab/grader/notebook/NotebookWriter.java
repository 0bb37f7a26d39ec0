package ttlab.grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Writes notebooks byte for byte as Jupyter does (nbformat's {@code write}): transient fields
 * dropped, multi-line text split into lists of lines, Python's JSON layout, a final newline.
 * A notebook saved by JupyterLab and written back unchanged is identical to the file read.
 *
 * <p>One deliberate limit: numbers keep the text they were read with. Jupyter would turn a
 * hand-written {@code 1E2} into {@code 100.0}; files Jupyter wrote are unaffected.
 */
public final class NotebookWriter {

    /** Besides text/*, the mime types nbformat stores as lists of lines. */
    private static final Set<String> SPLIT_MIMES = Set.of("application/javascript", "image/svg+xml");

    private NotebookWriter() {
    }

    public static String toJson(Notebook notebook) {
        JsonObject json = notebook.json().deepCopy();
        stripTransient(json);
        for (JsonElement cell : json.getAsJsonArray("cells")) {
            normalizeLines(cell.getAsJsonObject());
        }
        return PythonJson.dumps(json) + "\n";
    }

    public static byte[] toBytes(Notebook notebook) {
        return toJson(notebook).getBytes(StandardCharsets.UTF_8);
    }

    public static void write(Notebook notebook, Path file) throws IOException {
        Files.write(file, toBytes(notebook));
    }

    /** nbformat's strip_transient: fields that describe a session, not the notebook. */
    private static void stripTransient(JsonObject json) {
        JsonObject metadata = json.getAsJsonObject("metadata");
        metadata.remove("orig_nbformat");
        metadata.remove("orig_nbformat_minor");
        metadata.remove("signature");
        for (JsonElement cell : json.getAsJsonArray("cells")) {
            cell.getAsJsonObject().getAsJsonObject("metadata").remove("trusted");
        }
    }

    /**
     * What nbformat's read (rejoin_lines) and then write (split_lines) do to a cell's text:
     * lists of lines are joined, then text is split again with Python's splitlines.
     */
    private static void normalizeLines(JsonObject cell) {
        JsonElement source = cell.get("source");
        cell.add("source", lines(source.isJsonArray() ? join(source.getAsJsonArray()) : source.getAsString()));
        JsonElement attachments = cell.get("attachments");
        if (attachments != null && attachments.isJsonObject()) {
            for (Map.Entry<String, JsonElement> attachment : attachments.getAsJsonObject().entrySet()) {
                normalizeBundle(attachment.getValue());
            }
        }
        if (Cell.CODE.equals(cell.get("cell_type").getAsString())) {
            for (JsonElement output : cell.getAsJsonArray("outputs")) {
                if (output.isJsonObject()) {
                    normalizeOutput(output.getAsJsonObject());
                }
            }
        }
    }

    private static void normalizeOutput(JsonObject output) {
        String type = stringOrEmpty(output.get("output_type"));
        if (type.equals("execute_result") || type.equals("display_data")) {
            normalizeBundle(output.get("data"));
            return;
        }
        JsonElement text = output.get("text");
        if (!type.isEmpty() && text != null && isListOfStrings(text)) {
            text = new JsonPrimitive(join(text.getAsJsonArray()));
            output.add("text", text);
        }
        if (type.equals("stream") && text != null && isString(text)) {
            output.add("text", lines(text.getAsString()));
        }
    }

    private static void normalizeBundle(JsonElement bundle) {
        if (bundle == null || !bundle.isJsonObject()) {
            return;
        }
        for (Map.Entry<String, JsonElement> entry : bundle.getAsJsonObject().entrySet()) {
            String mime = entry.getKey();
            JsonElement value = entry.getValue();
            if (!isJsonMime(mime) && isListOfStrings(value)) {
                value = new JsonPrimitive(join(value.getAsJsonArray()));
                entry.setValue(value);
            }
            if (isString(value) && (mime.startsWith("text/") || SPLIT_MIMES.contains(mime))) {
                entry.setValue(lines(value.getAsString()));
            }
        }
    }

    private static boolean isJsonMime(String mime) {
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    private static JsonArray lines(String text) {
        JsonArray array = new JsonArray();
        for (String line : PythonLines.splitKeepingEnds(text)) {
            array.add(line);
        }
        return array;
    }

    private static String join(JsonArray lines) {
        StringBuilder text = new StringBuilder();
        for (JsonElement line : lines) {
            text.append(line.getAsString());
        }
        return text.toString();
    }

    private static boolean isListOfStrings(JsonElement e) {
        if (!e.isJsonArray()) {
            return false;
        }
        for (JsonElement item : e.getAsJsonArray()) {
            if (!isString(item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static String stringOrEmpty(JsonElement e) {
        return e != null && isString(e) ? e.getAsString() : "";
    }
}

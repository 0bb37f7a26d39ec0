package ttlab.grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * One cell of a {@link Notebook}: a live view on its JSON object, so that every field ttlab
 * does not know about (attachments, JupyterLab's own metadata...) survives a rewrite.
 */
public final class Cell {

    public static final String CODE = "code";
    public static final String MARKDOWN = "markdown";
    public static final String RAW = "raw";

    private final JsonObject json;
    private final int number;

    Cell(JsonObject json, int number) {
        this.json = json;
        this.number = number;
    }

    /** The nbformat 4.5 cell id, stable across edits and moves: how the grader finds a cell. */
    public String id() {
        return json.get("id").getAsString();
    }

    /** {@code code}, {@code markdown} or {@code raw}. */
    public String type() {
        return json.get("cell_type").getAsString();
    }

    public boolean isCode() {
        return CODE.equals(type());
    }

    /** Position in the notebook when this view was taken, counting from 1, for messages. */
    public int number() {
        return number;
    }

    /** The source as one string, whether the file holds one string or a list of lines. */
    public String source() {
        JsonElement source = json.get("source");
        if (source.isJsonPrimitive()) {
            return source.getAsString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonElement line : source.getAsJsonArray()) {
            text.append(line.getAsString());
        }
        return text.toString();
    }

    /** Replaces the source; the writer splits it into lines as nbformat does. */
    public void setSource(String source) {
        json.addProperty("source", source);
    }

    /** The cell's metadata object, live: changes are written back. */
    public JsonObject metadata() {
        return json.getAsJsonObject("metadata");
    }

    /** A code cell's outputs, live. */
    public JsonArray outputs() {
        requireCode("outputs");
        return json.getAsJsonArray("outputs");
    }

    /** Empties a code cell's outputs and resets its execution count, as "Clear All Outputs" does. */
    public void clearOutputs() {
        requireCode("clearOutputs");
        json.add("outputs", new JsonArray());
        json.add("execution_count", JsonNull.INSTANCE);
    }

    /** The cell's whole JSON object, live. */
    public JsonObject json() {
        return json;
    }

    private void requireCode(String what) {
        if (!isCode()) {
            throw new IllegalStateException(what + " exists only on code cells; cell " + number + " is " + type());
        }
    }

    @Override
    public String toString() {
        return "cell " + number + " (id \"" + id() + "\", " + type() + ")";
    }
}

package ttlab.grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * An nbformat 4 notebook: typed access to what ttlab needs on top of the JSON document itself,
 * which is kept whole so that unknown fields survive. Read with {@link NotebookReader}, write
 * with {@link NotebookWriter}.
 */
public final class Notebook {

    private final JsonObject json;

    /** Wraps a document that {@link NotebookReader} has checked. */
    Notebook(JsonObject json) {
        this.json = json;
    }

    public int nbformat() {
        return json.get("nbformat").getAsInt();
    }

    public int nbformatMinor() {
        return json.get("nbformat_minor").getAsInt();
    }

    /** The notebook's metadata (kernelspec, language_info...), live. */
    public JsonObject metadata() {
        return json.getAsJsonObject("metadata");
    }

    /** The cells in order; each is a live view, numbered from 1 as the notebook stands now. */
    public List<Cell> cells() {
        JsonArray array = json.getAsJsonArray("cells");
        List<Cell> cells = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            cells.add(new Cell(array.get(i).getAsJsonObject(), i + 1));
        }
        return Collections.unmodifiableList(cells);
    }

    /** Removes every cell that {@code doomed} accepts. */
    public void removeCells(Predicate<Cell> doomed) {
        Iterator<JsonElement> it = json.getAsJsonArray("cells").iterator();
        int number = 0;
        while (it.hasNext()) {
            number++;
            if (doomed.test(new Cell(it.next().getAsJsonObject(), number))) {
                it.remove();
            }
        }
    }

    /** An independent deep copy. */
    public Notebook copy() {
        return new Notebook(json.deepCopy());
    }

    /** The whole JSON document, live. */
    public JsonObject json() {
        return json;
    }
}

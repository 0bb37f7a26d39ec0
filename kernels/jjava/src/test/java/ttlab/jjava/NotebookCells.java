package ttlab.jjava;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code cells of a course notebook, as a student's copy holds them: a master's wrong answers
 * (role {@code wrong-answer}), which no student copy holds, are left out.
 */
final class NotebookCells {

    private NotebookCells() {
    }

    static List<String> code(Path notebook) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        List<String> cells = new ArrayList<>();
        for (JsonElement cell : json.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (c.get("cell_type").getAsString().equals("code") && !isWrongAnswer(c)) {
                StringBuilder source = new StringBuilder();
                c.getAsJsonArray("source").forEach(line -> source.append(line.getAsString()));
                cells.add(source.toString());
            }
        }
        return cells;
    }

    private static boolean isWrongAnswer(JsonObject cell) {
        JsonObject metadata = cell.getAsJsonObject("metadata");
        JsonObject ttlab = metadata == null ? null : metadata.getAsJsonObject("ttlab");
        return ttlab != null && ttlab.has("role") && ttlab.get("role").getAsString().equals("wrong-answer");
    }
}

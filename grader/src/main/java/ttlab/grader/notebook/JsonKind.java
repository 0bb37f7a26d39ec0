package ttlab.grader.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/** What kind of JSON value a field holds, in words for an error message: "a list", "a string". */
public final class JsonKind {

    private JsonKind() {
    }

    public static String of(JsonElement e) {
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? "a string" : p.isNumber() ? "a number" : "a boolean";
    }
}

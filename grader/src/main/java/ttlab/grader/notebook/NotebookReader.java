package ttlab.grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonIOException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads nbformat 4 notebooks, refusing what Jupyter itself would refuse with a message that says
 * what to do. It checks the structure ttlab relies on (cells, their ids, types, sources,
 * metadata and outputs) and nothing else, so every other field passes through untouched.
 */
public final class NotebookReader {

    /** nbformat 4.5's schema for cell ids. */
    private static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private NotebookReader() {
    }

    public static Notebook read(Path file) throws IOException, NotebookException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses a notebook's bytes; {@code name} (usually its path) prefixes every message. */
    public static Notebook parse(byte[] bytes, String name) throws NotebookException {
        JsonElement root = parseJson(decodeUtf8(bytes, name), name);
        if (!root.isJsonObject()) {
            throw new NotebookException(name, "not a notebook: the JSON document is " + JsonKind.of(root) + ", not an object");
        }
        JsonObject json = root.getAsJsonObject();
        checkVersion(json, name);
        checkObject(json, "metadata", "the notebook", name);
        JsonElement cells = json.get("cells");
        if (cells == null) {
            throw new NotebookException(name, "has no \"cells\" list: not an nbformat 4 notebook");
        }
        if (!cells.isJsonArray()) {
            throw new NotebookException(name, "\"cells\" is " + JsonKind.of(cells) + ", not a list");
        }
        JsonArray array = cells.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            checkCell(array.get(i), i, json, name);
        }
        return new Notebook(json);
    }

    private static String decodeUtf8(byte[] bytes, String name) throws NotebookException {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            // Python's json.loads refuses a byte-order mark, so Jupyter could not open the file.
            throw new NotebookException(name, "starts with a UTF-8 byte-order mark, which Jupyter cannot read; save it without one");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotebookException(name, String.format(Locale.ROOT,
                    "is not UTF-8 text: invalid byte 0x%02X at offset %d (notebooks are always UTF-8)",
                    bytes[in.position()] & 0xff, in.position()));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static JsonElement parseJson(String text, String name) throws NotebookException {
        if (text.isBlank()) {
            throw new NotebookException(name, "is empty, not a notebook");
        }
        JsonReader reader = new JsonReader(new StringReader(text));
        // Strict, as Python's json module is: no comments, single quotes or trailing commas.
        reader.setStrictness(Strictness.STRICT);
        JsonElement root;
        try {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            throw new NotebookException(name, "is not valid JSON: " + firstLine(e));
        }
        boolean more;
        try {
            more = reader.peek() != JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            more = true;
        }
        if (more) {
            throw new NotebookException(name, "is not valid JSON: more data after the end of the document");
        }
        return root;
    }

    private static void checkVersion(JsonObject json, String name) throws NotebookException {
        JsonElement version = json.get("nbformat");
        if (version == null) {
            throw new NotebookException(name, "has no \"nbformat\" version: not a Jupyter notebook");
        }
        if (!isInteger(version)) {
            throw new NotebookException(name, "\"nbformat\" must be an integer, not " + version);
        }
        int major = version.getAsInt();
        if (major < 4) {
            throw new NotebookException(name, "nbformat " + major
                    + " notebooks are not supported; open and save it in JupyterLab to upgrade");
        }
        if (major > 4) {
            throw new NotebookException(name, "nbformat " + major + " is newer than the nbformat 4 that ttlab reads");
        }
        JsonElement minor = json.get("nbformat_minor");
        if (minor == null || !isInteger(minor)) {
            throw new NotebookException(name, "\"nbformat_minor\" must be an integer, not " + minor);
        }
    }

    private static void checkCell(JsonElement element, int index, JsonObject notebook, String name) throws NotebookException {
        String cell = "cell " + (index + 1) + " (cells[" + index + "])";
        if (!element.isJsonObject()) {
            throw new NotebookException(name, cell + " is " + JsonKind.of(element) + ", not an object");
        }
        JsonObject json = element.getAsJsonObject();
        JsonElement id = json.get("id");
        if (id == null) {
            throw new NotebookException(name, cell + " has no id: nbformat 4.5 requires cell ids"
                    + " (this file is nbformat " + notebook.get("nbformat") + "." + notebook.get("nbformat_minor")
                    + "); open and save it in JupyterLab to add them");
        }
        if (!isString(id) || !CELL_ID.matcher(id.getAsString()).matches()) {
            throw new NotebookException(name, cell + " has the id " + id
                    + ", but a cell id is 1 to 64 letters, digits, '-' or '_'");
        }
        JsonElement type = json.get("cell_type");
        if (type == null || !isString(type)) {
            throw new NotebookException(name, cell + " has no \"cell_type\" (code, markdown or raw)");
        }
        checkSource(json.get("source"), cell, name);
        checkObject(json, "metadata", cell, name);
        if (Cell.CODE.equals(type.getAsString())) {
            JsonElement outputs = json.get("outputs");
            if (outputs == null || !outputs.isJsonArray()) {
                throw new NotebookException(name, cell + " is a code cell without an \"outputs\" list");
            }
        }
    }

    private static void checkSource(JsonElement source, String cell, String name) throws NotebookException {
        boolean ok = source != null && (isString(source) || source.isJsonArray());
        if (ok && source.isJsonArray()) {
            for (JsonElement line : source.getAsJsonArray()) {
                ok &= isString(line);
            }
        }
        if (!ok) {
            throw new NotebookException(name, cell + " has no \"source\" string or list of strings");
        }
    }

    private static void checkObject(JsonObject json, String key, String owner, String name) throws NotebookException {
        JsonElement value = json.get(key);
        if (value == null || !value.isJsonObject()) {
            throw new NotebookException(name, owner + " has no \"" + key + "\" object");
        }
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static boolean isInteger(JsonElement e) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return false;
        }
        String text = e.getAsJsonPrimitive().getAsString();
        return text.matches("-?\\d{1,9}");
    }

    /** Gson's message without its advice to programmers, which means nothing to an author. */
    private static String firstLine(Exception e) {
        Throwable cause = e instanceof JsonIOException || e.getCause() == null ? e : e.getCause();
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.replaceAll("Use JsonReader\\.setStrictness\\([^)]*\\) to accept malformed JSON", "syntax error");
    }
}

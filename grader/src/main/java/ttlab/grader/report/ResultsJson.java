package ttlab.grader.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import ttlab.grader.notebook.JsonKind;
import ttlab.grader.report.GradingResult.ApiFlag;
import ttlab.grader.report.GradingResult.TestCase;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns the text of a {@code results.json} into a {@link GradingResult}. Missing optional fields
 * get defaults; a field of the wrong type is an error naming it (say {@code tests[2].score}),
 * because a gradebook built on a guess would be worse than no gradebook.
 */
final class ResultsJson {

    private final Path file;

    private ResultsJson(Path file) {
        this.file = file;
    }

    static GradingResult read(Path file) throws ResultsFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ResultsFileException(file, "no such file", e);
        } catch (IOException e) {
            throw new ResultsFileException(file, "cannot be read: " + e, e);
        }
        Path folder = file.toAbsolutePath().getParent();
        String folderName = folder == null || folder.getFileName() == null ? "" : folder.getFileName().toString();
        return parse(bytes, file, folderName);
    }

    /** Parses a file's bytes; {@code folderName} is the submission id when the file names none. */
    static GradingResult parse(byte[] bytes, Path file, String folderName) throws ResultsFileException {
        ResultsJson reader = new ResultsJson(file);
        return reader.result(reader.root(bytes), folderName);
    }

    private JsonObject root(byte[] bytes) throws ResultsFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw error("is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw error("is empty: the grader did not finish writing it");
        }
        JsonReader reader = new JsonReader(new StringReader(text));
        // Strict: a file that only a lenient parser accepts was not written by the grader.
        reader.setStrictness(Strictness.STRICT);
        JsonElement root;
        try {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            throw error("is not valid JSON: " + gsonMessage(e));
        }
        boolean more;
        try {
            more = reader.peek() != JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            more = true;
        }
        if (more) {
            throw error("is not valid JSON: more data after the end of the document");
        }
        if (!root.isJsonObject()) {
            throw error("is " + describe(root) + ", not a JSON object with \"score\" and \"tests\"");
        }
        return root.getAsJsonObject();
    }

    private GradingResult result(JsonObject json, String folderName) throws ResultsFileException {
        Fields top = new Fields(json, "");
        if (top.get("score") == null && top.get("tests") == null) {
            throw error("has neither \"score\" nor \"tests\": not a Gradescope results file");
        }
        List<TestCase> tests = new ArrayList<>();
        for (Fields test : top.objects("tests")) {
            tests.add(test(test, tests.size()));
        }
        Score sum = tests.stream().map(TestCase::points).reduce(new Score(0, 0), Score::plus);
        Fields extra = top.object("extra_data");
        List<ApiFlag> flags = new ArrayList<>();
        for (Fields flag : extra.objects("api_flags")) {
            flags.add(new ApiFlag(flag.string("cell", ""), (int) flag.number("line").orElse(0),
                    flag.string("api", ""), flag.string("code", "")));
        }
        return new GradingResult(
                extra.string("submission", folderName),
                extra.string("master", ""),
                top.number("score").orElse(sum.earned()),
                top.number("max_score").orElse(sum.max()),
                top.number("execution_time"),
                top.string("output", ""),
                tests, extra.strings("problems"), flags,
                extra.bool("network_isolation"));
    }

    private TestCase test(Fields test, int index) throws ResultsFileException {
        double score = test.number("score").orElse(0);
        double max = test.number("max_score").orElse(0);
        List<String> tags = test.strings("tags");
        Fields extra = test.object("extra_data");
        String exercise = extra.string("exercise", tags.isEmpty() ? GradingResult.NO_EXERCISE : tags.get(0));
        String status = test.string("status", "").trim().toLowerCase(Locale.ROOT);
        Optional<TestOutcome> named = TestOutcome.parse(extra.string("outcome", ""));
        if (status.isEmpty()) {
            boolean passed = named.isPresent() ? named.get() == TestOutcome.PASSED : score >= max;
            status = passed ? "passed" : "failed";
        }
        TestOutcome outcome = named.orElse(status.equals("passed") ? TestOutcome.PASSED : TestOutcome.FAILED);
        return new TestCase(test.string("name", "test " + (index + 1)), test.string("number", ""), score, max,
                status, test.string("output", ""), visibility(test), tags, exercise, outcome);
    }

    /** Gradescope writes it in lower case; anything else that means "visible" is taken as such too. */
    private static String visibility(Fields test) throws ResultsFileException {
        return test.string("visibility", "visible").trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Gson's message without its wrapping exception's class and its advice to parse leniently,
     * which is for programmers, not for whoever runs the reports: {@code malformed JSON at line 1
     * column 3 path $.}
     */
    private static String gsonMessage(JsonParseException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse("")
                .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON");
    }

    private ResultsFileException error(String reason) {
        return new ResultsFileException(file, reason);
    }

    /** The value's kind, and for a single value the value itself: "a string ("7")". */
    private static String describe(JsonElement element) {
        String kind = JsonKind.of(element);
        return element.isJsonPrimitive() ? kind + " (" + element + ")" : kind;
    }

    /** An object's fields, each read as the type it must have; {@code path} names them in errors. */
    private final class Fields {

        private final JsonObject json;
        private final String path;

        Fields(JsonObject json, String path) {
            this.json = json;
            this.path = path;
        }

        private String where(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        /** The field, or null when absent or JSON null: both mean "not given". */
        private JsonElement get(String field) {
            JsonElement value = json.get(field);
            return value == null || value.isJsonNull() ? null : value;
        }

        private ResultsFileException wrongType(String where, String expected, JsonElement found) {
            return error(where + " must be " + expected + ", not " + describe(found));
        }

        String string(String field, String absent) throws ResultsFileException {
            JsonElement value = get(field);
            return value == null ? absent : string(value, field);
        }

        /** A string; a number or boolean is taken as written, since Gradescope accepts {@code "number": 1}. */
        private String string(JsonElement value, String field) throws ResultsFileException {
            if (!value.isJsonPrimitive()) {
                throw wrongType(where(field), "a string", value);
            }
            return value.getAsString();
        }

        OptionalDouble number(String field) throws ResultsFileException {
            JsonElement value = get(field);
            if (value == null) {
                return OptionalDouble.empty();
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                throw wrongType(where(field), "a number", value);
            }
            double number = value.getAsDouble();
            if (!Double.isFinite(number)) {
                throw error(where(field) + " is out of range: " + value);
            }
            return OptionalDouble.of(number);
        }

        Optional<Boolean> bool(String field) throws ResultsFileException {
            JsonElement value = get(field);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                throw wrongType(where(field), "true or false", value);
            }
            return Optional.of(value.getAsBoolean());
        }

        List<String> strings(String field) throws ResultsFileException {
            List<JsonElement> items = list(field);
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                strings.add(string(items.get(i), field + "[" + i + "]"));
            }
            return strings;
        }

        List<Fields> objects(String field) throws ResultsFileException {
            List<JsonElement> items = list(field);
            List<Fields> objects = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                objects.add(object(items.get(i), field + "[" + i + "]"));
            }
            return objects;
        }

        private List<JsonElement> list(String field) throws ResultsFileException {
            JsonElement value = get(field);
            if (value == null) {
                return List.of();
            }
            if (!value.isJsonArray()) {
                throw wrongType(where(field), "a list", value);
            }
            List<JsonElement> items = new ArrayList<>();
            JsonArray array = value.getAsJsonArray();
            array.forEach(items::add);
            return items;
        }

        /** A nested object, or an empty one when absent. */
        Fields object(String field) throws ResultsFileException {
            JsonElement value = get(field);
            return value == null ? new Fields(new JsonObject(), where(field)) : object(value, field);
        }

        private Fields object(JsonElement value, String field) throws ResultsFileException {
            if (!value.isJsonObject()) {
                throw wrongType(where(field), "an object", value);
            }
            return new Fields(value.getAsJsonObject(), where(field));
        }
    }
}

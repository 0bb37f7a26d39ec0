package ttlab.grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected texts are what Python 3's json.dumps(..., sort_keys=True, indent=1, ensure_ascii=False) prints. */
class PythonJsonTest {

    @Test
    void layoutIsOneSpacePerLevelWithEmptyContainersInline() {
        JsonObject o = JsonParser.parseString("{\"b\": [1, {}, []], \"a\": {\"c\": null, \"d\": true}}").getAsJsonObject();
        assertThat(PythonJson.dumps(o)).isEqualTo(
                "{\n \"a\": {\n  \"c\": null,\n  \"d\": true\n },\n \"b\": [\n  1,\n  {},\n  []\n ]\n}");
    }

    @Test
    void stringsEscapeOnlyQuoteBackslashAndControlCharacters() {
        JsonArray a = new JsonArray();
        a.add("\u0000\u0001\u001b\u001f \" \\ / \b\f\n\r\t \u007f é 注 😀 \u2028");
        assertThat(PythonJson.dumps(a)).isEqualTo(
                "[\n \"\\u0000\\u0001\\u001b\\u001f \\\" \\\\ / \\b\\f\\n\\r\\t \u007f é 注 😀 \u2028\"\n]");
    }

    @Test
    void keysAreSortedByCodePointAsPythonSortsThem() {
        JsonObject o = new JsonObject();
        for (String key : new String[] {"😀", "\ufb01", "b", "B", "_", "a", "ä"}) {
            o.addProperty(key, 0);
        }
        assertThat(PythonJson.dumps(o)).isEqualTo(
                "{\n \"B\": 0,\n \"_\": 0,\n \"a\": 0,\n \"b\": 0,\n \"ä\": 0,\n \"\ufb01\": 0,\n \"😀\": 0\n}");
    }

    @Test
    void numbersReadFromAFileKeepTheirText() {
        JsonArray a = JsonParser.parseString("[1e-05, 2.50, 12345678901234567890, -0]").getAsJsonArray();
        assertThat(PythonJson.dumps(a)).isEqualTo("[\n 1e-05,\n 2.50,\n 12345678901234567890,\n -0\n]");
    }

    @ParameterizedTest
    @CsvSource({
            "0.0, 0.0", "-0.0, -0.0", "1.0, 1.0", "2.5, 2.5", "0.1, 0.1", "0.0001, 0.0001", "0.00001, 1e-05",
            "1.5e-7, 1.5e-07", "1e15, 1000000000000000.0", "1e16, 1e+16", "1.2345e17, 1.2345e+17",
            "123456789.125, 123456789.125", "1e100, 1e+100", "5e-324, 5e-324"
    })
    void javaDoublesAreWrittenAsPythonsFloatRepr(double value, String python) {
        assertThat(PythonJson.floatRepr(value)).isEqualTo(python);
    }

    @Test
    void nonFiniteFloatsAreWrittenAsPythonsJsonWritesThem() {
        assertThat(PythonJson.floatRepr(Double.NaN)).isEqualTo("NaN");
        assertThat(PythonJson.floatRepr(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(PythonJson.floatRepr(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void javaIntegersAreWrittenAsIntegers() {
        JsonArray a = new JsonArray();
        a.add(3);
        a.add(4L);
        a.add(2.0);
        assertThat(PythonJson.dumps(a)).isEqualTo("[\n 3,\n 4,\n 2.0\n]");
    }
}

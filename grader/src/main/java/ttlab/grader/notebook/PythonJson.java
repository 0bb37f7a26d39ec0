package ttlab.grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps(value, sort_keys=True, indent=1,
 * ensure_ascii=False, separators=(",", ": "))} writes it, which is how nbformat (and so
 * JupyterLab) saves notebooks. Matching it byte for byte is what lets a rewritten notebook show
 * no diff in git.
 */
final class PythonJson {

    private PythonJson() {
    }

    static String dumps(JsonElement value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.toString();
    }

    private static void write(JsonElement value, int depth, StringBuilder out) {
        if (value.isJsonNull()) {
            out.append("null");
        } else if (value.isJsonObject()) {
            writeObject(value.getAsJsonObject(), depth, out);
        } else if (value.isJsonArray()) {
            writeArray(value.getAsJsonArray(), depth, out);
        } else {
            writePrimitive(value.getAsJsonPrimitive(), out);
        }
    }

    private static void writeObject(JsonObject object, int depth, StringBuilder out) {
        if (object.size() == 0) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(object.entrySet());
        entries.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
        out.append('{');
        String separator = "\n";
        for (Map.Entry<String, JsonElement> entry : entries) {
            out.append(separator);
            indent(depth + 1, out);
            quote(entry.getKey(), out);
            out.append(": ");
            write(entry.getValue(), depth + 1, out);
            separator = ",\n";
        }
        out.append('\n');
        indent(depth, out);
        out.append('}');
    }

    private static void writeArray(JsonArray array, int depth, StringBuilder out) {
        if (array.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String separator = "\n";
        for (JsonElement item : array) {
            out.append(separator);
            indent(depth + 1, out);
            write(item, depth + 1, out);
            separator = ",\n";
        }
        out.append('\n');
        indent(depth, out);
        out.append(']');
    }

    private static void writePrimitive(JsonPrimitive primitive, StringBuilder out) {
        if (primitive.isString()) {
            quote(primitive.getAsString(), out);
        } else if (primitive.isBoolean()) {
            out.append(primitive.getAsBoolean() ? "true" : "false");
        } else {
            out.append(number(primitive.getAsNumber()));
        }
    }

    /**
     * A number read from a file keeps its text: Jupyter wrote it with Python's repr already, and
     * re-formatting could only introduce differences. Numbers made in Java are formatted as
     * Python would format the same int or float.
     */
    static String number(Number n) {
        if (n instanceof LazilyParsedNumber || n instanceof Integer || n instanceof Long
                || n instanceof Short || n instanceof Byte || n instanceof BigInteger) {
            return n.toString();
        }
        return floatRepr(n.doubleValue());
    }

    /** Python's {@code float.__repr__} (and json's NaN/Infinity), from the shortest digits. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        BigDecimal shortest = shortestDigits(Math.abs(d)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int point = digits.length() - shortest.scale(); // value = 0.digits * 10^point
        if (point <= -4 || point > 16) {
            int exponent = point - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        if (point <= 0) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return sign + digits + "0".repeat(point - digits.length()) + ".0";
        }
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }

    /** Python's ensure_ascii=False escaping: only quote, backslash and control characters. */
    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The fewest significant digits that read back as {@code d}, the closer candidate when two
     * qualify, as Python's repr (David Gay's algorithm) picks them. Double.toString is not always
     * shortest before JDK 19, so it is not used.
     */
    private static BigDecimal shortestDigits(double d) {
        if (d == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean belowFits = Double.parseDouble(below.toString()) == d;
            boolean aboveFits = Double.parseDouble(above.toString()) == d;
            if (belowFits && aboveFits) {
                int closer = exact.subtract(below).compareTo(above.subtract(exact));
                return closer < 0 ? below : closer > 0 ? above
                        : exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            }
            if (belowFits || aboveFits) {
                return belowFits ? below : above;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /** Python sorts str keys by code point; Java's compareTo by UTF-16 unit differs above U+FFFF. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static void indent(int depth, StringBuilder out) {
        out.append(" ".repeat(depth));
    }
}

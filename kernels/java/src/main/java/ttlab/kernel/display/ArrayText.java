package ttlab.kernel.display;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * text/plain for arrays in the style of {@link Arrays#toString} and
 * {@link Arrays#deepToString}, cut short so a million-element array does not
 * flood the output. A matrix is printed one row per line.
 */
final class ArrayText {
    static final int MAX_ITEMS = ArrayHtml.MAX_ITEMS;

    private ArrayText() {
    }

    static String vector(Object array, int limit) {
        int length = Array.getLength(array);
        int shown = Math.min(length, limit);
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(element(Array.get(array, i), limit));
        }
        if (length > shown) {
            text.append(shown > 0 ? ", " : "").append("... ").append(length - shown).append(" more");
        }
        return text.append(']').toString();
    }

    static String matrix(Object array) {
        int rows = Array.getLength(array);
        int shown = Math.min(rows, ArrayHtml.MAX_ROWS);
        StringBuilder text = new StringBuilder("[");
        for (int r = 0; r < shown; r++) {
            if (r > 0) {
                text.append(",\n ");
            }
            Object row = Array.get(array, r);
            text.append(row == null ? "null" : vector(row, ArrayHtml.MAX_COLS));
        }
        if (rows > shown) {
            text.append(",\n ... ").append(rows - shown).append(" more rows");
        }
        return text.append(']').toString();
    }

    /** One array written inline, e.g. an array nested in a table cell. */
    static String inline(Object array) {
        return vector(array, ArrayHtml.MAX_COLS);
    }

    // Nested arrays are written out like deepToString does, not as "[D@1b6d3586".
    private static String element(Object value, int limit) {
        return value != null && value.getClass().isArray() ? vector(value, limit) : String.valueOf(value);
    }
}

package ttlab.kernel.assist;

import java.util.Optional;

/**
 * Finds the magic lines of a cell ({@code %line} magics on any line, a {@code %%cell} magic on
 * the first line only) and hides them from JShell, which would read them as broken Java.
 *
 * <p>A {@code %} followed by a blank is not a magic: a line such as {@code "  % 3;"} continues a
 * remainder expression.
 */
final class MagicLines {

    enum Kind { LINE, CELL }

    /**
     * A magic line. {@code prefixStart} is where its {@code %} or {@code %%} is, the name runs
     * from {@code nameStart} to {@code nameEnd}, and the line (without its newline) ends at
     * {@code lineEnd}; all are offsets in the cell.
     */
    record MagicLine(Kind kind, int prefixStart, int nameStart, int nameEnd, int lineEnd) {

        String prefix() {
            return kind == Kind.CELL ? "%%" : "%";
        }

        /** True when a cursor at {@code offset} is typing this magic's name. */
        boolean cursorInName(int offset) {
            return offset >= nameStart && offset <= nameEnd;
        }
    }

    private MagicLines() {
    }

    /** The magic line the offset is on, if that line is a magic. */
    static Optional<MagicLine> lineAt(String cell, int offset) {
        int lineStart = cell.lastIndexOf('\n', offset - 1) + 1;
        return parse(cell, lineStart);
    }

    /**
     * The cell with every magic line overwritten by spaces. The length, and so every offset,
     * stays the same, which lets results computed on the blanked cell point into the real one.
     */
    static String blank(String cell) {
        StringBuilder blanked = new StringBuilder(cell);
        int lineStart = 0;
        while (lineStart <= cell.length()) {
            int newline = cell.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? cell.length() : newline;
            if (parse(cell, lineStart).isPresent()) {
                for (int i = lineStart; i < lineEnd; i++) {
                    if (cell.charAt(i) != '\r') {
                        blanked.setCharAt(i, ' ');
                    }
                }
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return blanked.toString();
    }

    private static Optional<MagicLine> parse(String cell, int lineStart) {
        int newline = cell.indexOf('\n', lineStart);
        int lineEnd = newline < 0 ? cell.length() : newline;
        // jjava only recognises a cell magic at the very start of the cell.
        if (lineStart == 0 && cell.startsWith("%%") && startsName(cell, 2, lineEnd)) {
            return Optional.of(new MagicLine(Kind.CELL, 0, 2, nameEnd(cell, 2, lineEnd), lineEnd));
        }
        int at = lineStart;
        while (at < lineEnd && (cell.charAt(at) == ' ' || cell.charAt(at) == '\t')) {
            at++;
        }
        if (at < lineEnd && cell.charAt(at) == '%' && startsName(cell, at + 1, lineEnd)) {
            return Optional.of(new MagicLine(Kind.LINE, at, at + 1, nameEnd(cell, at + 1, lineEnd),
                    lineEnd));
        }
        return Optional.empty();
    }

    /** A bare '%' at the end of a line still counts: it is a magic whose name is being typed. */
    private static boolean startsName(String cell, int at, int lineEnd) {
        if (at >= lineEnd) {
            return true;
        }
        char next = cell.charAt(at);
        return next != '%' && next != ' ' && next != '\t';
    }

    private static int nameEnd(String cell, int from, int lineEnd) {
        int at = from;
        while (at < lineEnd && !Character.isWhitespace(cell.charAt(at))) {
            at++;
        }
        return at;
    }
}

package ttlab.kernel.assist;

/**
 * Counts the brackets ({@code { ( [}) a piece of Java leaves open, skipping those inside string,
 * char and text block literals and inside comments, where they do not nest anything.
 */
final class BracketDepth {

    private BracketDepth() {
    }

    /** How many brackets stay open at the end of {@code code}; never negative. */
    static int unclosed(String code) {
        int depth = 0;
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                i = skipPast(code, "\n", i + 2);
            } else if (code.startsWith("/*", i)) {
                i = skipPast(code, "*/", i + 2);
            } else if (code.startsWith("\"\"\"", i)) {
                i = skipLiteral(code, "\"\"\"", i + 3);
            } else if (c == '"' || c == '\'') {
                i = skipLiteral(code, String.valueOf(c), i + 1);
            } else {
                if (c == '{' || c == '(' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ')' || c == ']') {
                    depth = Math.max(0, depth - 1);
                }
                i++;
            }
        }
        return depth;
    }

    private static int skipPast(String code, String end, int from) {
        int at = code.indexOf(end, from);
        return at < 0 ? code.length() : at + end.length();
    }

    /** Skips to just after the closing quote, stepping over backslash escapes. */
    private static int skipLiteral(String code, String quote, int from) {
        int i = from;
        while (i < code.length()) {
            if (code.charAt(i) == '\\') {
                i += 2;
            } else if (code.startsWith(quote, i)) {
                return i + quote.length();
            } else if (quote.length() == 1 && code.charAt(i) == '\n') {
                return i + 1; // a plain literal never spans lines; javac reports it, we move on
            } else {
                i++;
            }
        }
        return code.length();
    }
}

package ttlab.kernel.engine;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a notebook cell into the JShell snippets it holds, remembering where each one starts in
 * the cell so that errors can point at the student's own line and column.
 */
public final class CellSplitter {

    /**
     * One snippet: the source JShell evaluates, its offset in the cell, and whether the
     * student ended it with a semicolon (which, as in IPython, hides an expression's value).
     */
    public record Piece(String source, int start, int end, boolean endsWithSemicolon) {

        /** True when the offset lies in this snippet's stretch of the cell. */
        public boolean covers(int offset) {
            return offset >= start && offset <= end;
        }
    }

    private CellSplitter() {
    }

    public static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        String rest = cell;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (!completeness.isComplete()) {
                // Incomplete or unparsable: hand the rest to JShell whole, it reports the error.
                int lead = leadingWhitespace(rest);
                pieces.add(new Piece(rest.substring(lead), offset + lead, offset + rest.length(), false));
                break;
            }
            int consumed = rest.length() - info.remaining().length();
            String region = rest.substring(0, consumed);
            String source = info.source();
            int start = locate(region, source);
            // JShell keeps blank lines before a snippet; dropping them makes line 1 of the
            // snippet the line where its code starts, for errors and stack frames alike.
            int blank = leadingWhitespace(source);
            boolean typedSemicolon = completeness != Completeness.COMPLETE_WITH_SEMI && lastCodeChar(source) == ';';
            pieces.add(new Piece(source.substring(blank), offset + start + blank, offset + consumed, typedSemicolon));
            offset += consumed;
            rest = info.remaining();
        }
        return pieces;
    }

    /** Where JShell's normalized source starts in the text it consumed. */
    private static int locate(String region, String source) {
        int at = region.indexOf(source);
        if (at < 0 && source.endsWith(";")) {
            at = region.indexOf(source.substring(0, source.length() - 1)); // JShell added the ';'
        }
        return at >= 0 ? at : leadingWhitespace(region);
    }

    private static int leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The last character of Java code in a snippet, skipping comments and whitespace (and not
     * fooled by "//" or ";" inside string and char literals); 0 if there is none.
     */
    static char lastCodeChar(String source) {
        char last = 0;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int eol = source.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int close = source.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '"' || c == '\'') {
                i = skipLiteral(source, i);
                last = c;
            } else {
                if (!Character.isWhitespace(c)) {
                    last = c;
                }
                i++;
            }
        }
        return last;
    }

    /** Skips a string, text block or char literal starting at {@code i}; returns the index after it. */
    private static int skipLiteral(String source, int i) {
        char quote = source.charAt(i);
        String close = quote == '"' && source.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(quote);
        int j = i + close.length();
        while (j < source.length()) {
            if (source.charAt(j) == '\\') {
                j += 2;
            } else if (source.startsWith(close, j)) {
                return j + close.length();
            } else {
                j++;
            }
        }
        return source.length();
    }

    /** The 1-based line of an offset in a text. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

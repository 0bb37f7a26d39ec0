package ttlab.kernel.engine;

/**
 * A compiler error placed in the student's cell: 1-based line and column, the line's text and
 * the span (columns, end exclusive) to underline.
 */
public record CompileDiagnostic(int line, int column, String message, String sourceLine, int spanStart, int spanEnd) {

    /** Three lines a student can read: where, what, and a caret under the offending text. */
    public String render(String cellLabel) {
        String underline = " ".repeat(Math.max(0, spanStart - 1))
                + "^".repeat(Math.max(1, spanEnd - spanStart));
        return cellLabel + " line " + line + ": " + message + "\n    " + sourceLine + "\n    " + underline;
    }
}

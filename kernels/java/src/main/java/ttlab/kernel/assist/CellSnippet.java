package ttlab.kernel.assist;

import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * One JShell snippet of a notebook cell: the stretch {@code [start, end)} of the cell it occupies,
 * its raw text (leading blank lines and comments included, so that the snippets of a cell
 * partition it without gaps) and how complete JShell judged it.
 */
public record CellSnippet(int start, int end, String text, Completeness completeness) {

    /**
     * True when a cursor at {@code offset} belongs to this snippet. A cursor right after the last
     * character still belongs to it: that is where one types the rest of an identifier.
     */
    public boolean contains(int offset) {
        return offset >= start && offset <= end;
    }

    /** The offset in {@link #text()} of a cell offset inside this snippet. */
    public int toLocal(int cellOffset) {
        return cellOffset - start;
    }
}

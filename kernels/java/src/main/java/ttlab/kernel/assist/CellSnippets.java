package ttlab.kernel.assist;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The snippets of a notebook cell, as JShell would cut them, with their offsets in the cell.
 *
 * <p>JShell only analyses one snippet at a time, so completion, inspection and the completeness
 * check first have to find the snippet the cursor is in and translate offsets in and out of it.
 */
public final class CellSnippets {

    private final List<CellSnippet> snippets;

    private CellSnippets(List<CellSnippet> snippets) {
        this.snippets = List.copyOf(snippets);
    }

    /**
     * Cuts {@code cell} into snippets. The result always covers the whole cell, so that every
     * cursor position finds a snippet: blank lines and comments before a snippet belong to it,
     * JShell glues those at the end of the cell onto the last snippet, and a cell holding nothing
     * else is one {@link Completeness#EMPTY} snippet.
     */
    public static CellSnippets split(SourceCodeAnalysis analysis, String cell) {
        List<CellSnippet> found = new ArrayList<>();
        int offset = 0;
        String rest = cell;
        while (!rest.isEmpty()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            // source() may be normalised (JShell appends a missing ';'), so the length of what was
            // consumed, not of source(), says where the snippet ends in the cell.
            int consumed = rest.length() - info.remaining().length();
            if (!info.completeness().isComplete() && info.completeness() != Completeness.EMPTY
                    || consumed <= 0) {
                // An incomplete snippet reports more remaining than it was given (JShell appends a
                // newline); an unparsable one swallows the rest. Either way the rest is one snippet.
                consumed = rest.length();
            }
            found.add(new CellSnippet(offset, offset + consumed, rest.substring(0, consumed),
                    info.completeness()));
            offset += consumed;
            rest = rest.substring(consumed);
        }
        if (found.isEmpty()) {
            found.add(new CellSnippet(0, 0, "", Completeness.EMPTY));
        }
        return new CellSnippets(found);
    }

    /** All snippets, in cell order; their texts concatenated give back the cell. */
    public List<CellSnippet> all() {
        return snippets;
    }

    /**
     * The snippet a cursor is in. On the boundary between two snippets the earlier one wins,
     * because a cursor there ends the earlier one's last token.
     */
    public Optional<CellSnippet> containing(int cursor) {
        return snippets.stream().filter(snippet -> snippet.contains(cursor)).findFirst();
    }

    /** The snippets that come before {@code snippet} in the cell. */
    public List<CellSnippet> before(CellSnippet snippet) {
        int index = snippets.indexOf(snippet);
        return index < 0 ? List.of() : snippets.subList(0, index);
    }
}

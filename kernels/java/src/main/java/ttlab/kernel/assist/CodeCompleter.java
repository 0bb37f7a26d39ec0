package ttlab.kernel.assist;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tab completion for a notebook cell: Java through JShell's completion on the snippet under the
 * cursor, and magic names on magic lines.
 */
public final class CodeCompleter {

    private final SourceCodeAnalysis analysis;
    private final Set<String> lineMagics;
    private final Set<String> cellMagics;

    /**
     * @param lineMagics names of the {@code %line} magics, without the {@code %}
     * @param cellMagics names of the {@code %%cell} magics, without the {@code %%}
     *                   <p>Both sets are read on every request, not copied, so a live view of a
     *                   registry also offers magics registered later.
     */
    public CodeCompleter(SourceCodeAnalysis analysis, Set<String> lineMagics, Set<String> cellMagics) {
        this.analysis = analysis;
        this.lineMagics = lineMagics == null ? Set.of() : lineMagics;
        this.cellMagics = cellMagics == null ? Set.of() : cellMagics;
    }

    /** Completions for a cursor at {@code cursor} in {@code cell}; never null, never throws. */
    public Completion complete(String cell, int cursor) {
        if (cell == null) {
            return Completion.none(0);
        }
        int at = Math.max(0, Math.min(cursor, cell.length()));
        try {
            Optional<MagicLines.MagicLine> magic = MagicLines.lineAt(cell, at);
            if (magic.isPresent()) {
                return completeMagic(cell, at, magic.get());
            }
            return completeJava(MagicLines.blank(cell), at);
        } catch (RuntimeException analysisFailure) {
            // JShell's analysis can trip over odd input; no completion beats a failed request.
            return Completion.none(at);
        }
    }

    private Completion completeJava(String code, int cursor) {
        CursorContext context = CursorContext.of(analysis, code, cursor);
        Completion fromJShell = Completion.none(cursor);
        for (AnalysisInput input : context.inputs()) {
            int[] anchor = new int[1];
            List<Suggestion> suggestions =
                    analysis.completionSuggestions(input.code(), input.cursor(), anchor);
            if (!suggestions.isEmpty()) {
                fromJShell = new Completion(rank(suggestions), input.toCell(anchor[0]), cursor);
                break;
            }
        }
        return withEarlierVariables(fromJShell, code, cursor, context.earlierVariables());
    }

    /**
     * JShell does not complete a bare name from the declarations put in front of the snippet
     * ("int total = 0;" then "tot"), so variables declared earlier in the cell are added here.
     */
    private static Completion withEarlierVariables(Completion fromJShell, String code, int cursor,
                                                   List<String> earlierVariables) {
        int nameStart = Identifiers.start(code, cursor);
        boolean bareName = nameStart == 0 || code.charAt(nameStart - 1) != '.';
        if (!bareName || !fromJShell.isEmpty() && fromJShell.start() != nameStart) {
            return fromJShell;
        }
        String typed = code.substring(nameStart, cursor);
        List<String> replacements = new ArrayList<>(fromJShell.replacements());
        earlierVariables.stream()
                .filter(name -> name.startsWith(typed) && !replacements.contains(name))
                .distinct()
                .forEach(replacements::add);
        return replacements.isEmpty() ? fromJShell : new Completion(replacements, nameStart, cursor);
    }

    /**
     * Suggestions that fit the expected type first, the rest after, each group in JShell's order.
     * Overloads give the same continuation several times ({@code abs(} four times), so duplicates go.
     */
    private static List<String> rank(List<Suggestion> suggestions) {
        return suggestions.stream()
                .sorted(Comparator.comparing(suggestion -> !suggestion.matchesType()))
                .map(Suggestion::continuation)
                .distinct()
                .toList();
    }

    private Completion completeMagic(String cell, int cursor, MagicLines.MagicLine magic) {
        if (!magic.cursorInName(cursor)) {
            return Completion.none(cursor); // in the magic's arguments: nothing sensible to offer
        }
        String typed = cell.substring(magic.nameStart(), cursor);
        Set<String> names = magic.kind() == MagicLines.Kind.CELL ? cellMagics : lineMagics;
        List<String> matches = names.stream()
                .filter(name -> name.startsWith(typed))
                .sorted()
                .map(name -> magic.prefix() + name)
                .toList();
        return matches.isEmpty() ? Completion.none(cursor)
                : new Completion(matches, magic.prefixStart(), cursor);
    }
}

package ttlab.kernel.assist;

import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

import java.util.ArrayList;
import java.util.List;

/**
 * The code around a cursor in a cell, ready for {@link SourceCodeAnalysis}: the snippet the
 * cursor is in, and the variables that earlier snippets of the same cell declare.
 *
 * <p>Those variables are not known to JShell yet, since the cell has not run. Put in front of
 * the cursor's snippet they become local variables of the method body JShell analyses a
 * statement in, so their members complete and their methods are documented.
 */
final class CursorContext {

    private final List<AnalysisInput> inputs;
    private final List<String> earlierVariables;

    private CursorContext(List<AnalysisInput> inputs, List<String> earlierVariables) {
        this.inputs = List.copyOf(inputs);
        this.earlierVariables = List.copyOf(earlierVariables);
    }

    /** The context of {@code cursor} in {@code cell}, whose magic lines are already blanked. */
    static CursorContext of(SourceCodeAnalysis analysis, String cell, int cursor) {
        CellSnippets snippets = CellSnippets.split(analysis, cell);
        CellSnippet here = snippets.containing(cursor).orElseThrow();
        AnalysisInput alone = new AnalysisInput(here.text(), here.toLocal(cursor), here.start());

        StringBuilder declarations = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (CellSnippet earlier : snippets.before(here)) {
            List<String> declared = variablesDeclaredBy(analysis, earlier.text());
            if (!declared.isEmpty()) {
                declarations.append(earlier.text());
                names.addAll(declared);
            }
        }
        if (declarations.length() == 0) {
            return new CursorContext(List.of(alone), names);
        }
        AnalysisInput withDeclarations = new AnalysisInput(declarations + here.text(),
                declarations.length() + alone.cursor(), here.start() - declarations.length());
        // Declarations that are illegal in a method body ("static int n") can spoil that input,
        // so the snippet on its own comes second.
        return new CursorContext(List.of(withDeclarations, alone), names);
    }

    /** What to analyse, best first. */
    List<AnalysisInput> inputs() {
        return inputs;
    }

    /** Names of variables declared before the cursor's snippet in the same cell. */
    List<String> earlierVariables() {
        return earlierVariables;
    }

    /** The names a snippet declares, if it declares variables and nothing else. */
    private static List<String> variablesDeclaredBy(SourceCodeAnalysis analysis, String source) {
        try {
            List<Snippet> parsed = analysis.sourceToSnippets(source);
            if (parsed.isEmpty() || !parsed.stream().allMatch(VarSnippet.class::isInstance)) {
                return List.of();
            }
            return parsed.stream().map(snippet -> ((VarSnippet) snippet).name()).toList();
        } catch (RuntimeException unparsable) {
            return List.of();
        }
    }
}

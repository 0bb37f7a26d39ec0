package ttlab.kernel.assist;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;

import java.util.List;
import java.util.Optional;

/**
 * Answers Jupyter's {@code inspect_request} (Shift+Tab, the contextual help panel): signatures
 * and javadoc of what is under the cursor, or the type of a notebook variable.
 */
public final class CodeInspector {

    private final JShell shell;
    private final SourceCodeAnalysis analysis;

    public CodeInspector(JShell shell) {
        this.shell = shell;
        this.analysis = shell.sourceCodeAnalysis();
    }

    /**
     * What is known about the code at {@code cursor} in {@code cell}. With {@code detail} the
     * javadoc's block tags (parameters, return value, exceptions) are included too; the main
     * description always is, as front ends mostly ask without detail. Empty when nothing is
     * known, including for input JShell cannot make sense of; never throws.
     */
    public Optional<Inspection> inspect(String cell, int cursor, boolean detail) {
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        int at = Math.max(0, Math.min(cursor, cell.length()));
        try {
            if (MagicLines.lineAt(cell, at).isPresent()) {
                return Optional.empty();
            }
            String code = MagicLines.blank(cell);
            Optional<Inspection> variable = notebookVariable(code, at);
            if (variable.isPresent()) {
                return variable;
            }
            List<AnalysisInput> inputs = CursorContext.of(analysis, code, at).inputs();
            for (AnalysisInput input : inputs) {
                List<Documentation> docs = documentation(input.code(), input.cursor());
                if (!docs.isEmpty()) {
                    return Optional.of(InspectionRenderer.documentation(docs, detail));
                }
            }
            for (AnalysisInput input : inputs) {
                int end = Identifiers.end(input.code(), input.cursor());
                String type = analysis.analyzeType(input.code(), end);
                if (type != null && !type.isBlank()) {
                    return Optional.of(InspectionRenderer.expressionType(type));
                }
            }
            return Optional.empty();
        } catch (RuntimeException analysisFailure) {
            return Optional.empty();
        }
    }

    /**
     * A variable an earlier cell defined, named by the identifier under the cursor. A name after
     * a '.' is a member of something else, not the variable.
     */
    private Optional<Inspection> notebookVariable(String code, int cursor) {
        int start = Identifiers.start(code, cursor);
        int end = Identifiers.end(code, cursor);
        if (start == end || start > 0 && code.charAt(start - 1) == '.') {
            return Optional.empty();
        }
        String name = code.substring(start, end);
        return shell.variables()
                .filter(variable -> variable.name().equals(name))
                .reduce((earlier, later) -> later)
                .map(variable -> InspectionRenderer.variable(variable.name(), variable.typeName()));
    }

    /**
     * JShell documents the element whose name ends at the cursor, or the method whose argument
     * list the cursor is in. So the cursor moves to the end of the identifier it touches, past a
     * '(' that follows; a method named without parentheses is looked up as if they were there.
     * Javadoc is always asked for: front ends mostly inspect without detail, and would then
     * never show any.
     */
    private List<Documentation> documentation(String code, int cursor) {
        int end = Identifiers.end(code, cursor);
        if (end < code.length() && code.charAt(end) == '(') {
            return analysis.documentation(code, end + 1, true);
        }
        List<Documentation> docs = analysis.documentation(code, end, true);
        if (docs.isEmpty() && end > Identifiers.start(code, end)) {
            docs = analysis.documentation(code.substring(0, end) + "(", end + 1, true);
        }
        if (docs.isEmpty() && end != cursor) {
            docs = analysis.documentation(code, cursor, true);
        }
        return docs;
    }
}

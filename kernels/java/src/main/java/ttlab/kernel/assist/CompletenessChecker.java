package ttlab.kernel.assist;

import jdk.jshell.SourceCodeAnalysis;

/**
 * Answers Jupyter's {@code is_complete_request}: whether a console should run the cell on Enter
 * or let the user go on typing, and with what indent.
 *
 * <p>The answer is one of {@link #COMPLETE}, {@link #INVALID}, {@link #UNKNOWN}, or, when the
 * cell is incomplete, the indent for the next line (only spaces, possibly empty). These are the
 * strings jjava's {@code BaseKernel.isComplete} is expected to return.
 */
public final class CompletenessChecker {

    public static final String COMPLETE = "complete";
    public static final String INVALID = "invalid";
    public static final String UNKNOWN = "unknown";

    private static final String INDENT_UNIT = "    ";

    private final SourceCodeAnalysis analysis;

    public CompletenessChecker(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** True when an {@link #isComplete} answer means "incomplete, indent with it". */
    public static boolean isIndent(String answer) {
        return answer != null && answer.isBlank();
    }

    public String isComplete(String cell) {
        if (cell == null) {
            return COMPLETE;
        }
        try {
            // Magic lines are complete by themselves and are not Java: blank them out.
            String code = MagicLines.blank(cell);
            for (CellSnippet snippet : CellSnippets.split(analysis, code).all()) {
                switch (snippet.completeness()) {
                    case DEFINITELY_INCOMPLETE:
                    case CONSIDERED_INCOMPLETE:
                        return INDENT_UNIT.repeat(BracketDepth.unclosed(snippet.text()));
                    case UNKNOWN:
                        // Nothing typed after it can repair it (a stray '}', an unclosed "...").
                        return INVALID;
                    default:
                        break;
                }
            }
            return COMPLETE;
        } catch (RuntimeException analysisFailure) {
            return UNKNOWN;
        }
    }
}

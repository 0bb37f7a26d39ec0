package ttlab.grader.assign;

import ttlab.grader.notebook.MarkedText;
import ttlab.grader.notebook.Marker;

import java.util.List;

/**
 * What students get instead of a solution body: one {@code throw} statement, which compiles in
 * a body of any return type (void, primitive, generic, constructor) and says what to do when
 * the tests call it.
 */
public final class SolutionStub {

    private SolutionStub() {
    }

    /** The stub statement for an exercise, without indentation. */
    public static String statement(String exerciseId) {
        return "throw new UnsupportedOperationException(\"not implemented yet: " + exerciseId + "\");";
    }

    /** The cell's text with every solution region replaced by the stub, indented as its BEGIN marker. */
    public static String apply(MarkedText text, String exerciseId) {
        return text.replace(Marker.SOLUTION, region -> List.of(region.indent() + statement(exerciseId)));
    }
}

package ttlab.kernel.assist;

import java.util.List;

/**
 * The answer to a completion request: the texts that may replace the cell's characters from
 * {@code start} to {@code end}, best first. Offsets are in the cell, as Jupyter expects.
 */
public record Completion(List<String> replacements, int start, int end) {

    public Completion {
        replacements = List.copyOf(replacements);
    }

    /** Nothing to offer at the cursor. */
    public static Completion none(int cursor) {
        return new Completion(List.of(), cursor, cursor);
    }

    public boolean isEmpty() {
        return replacements.isEmpty();
    }
}

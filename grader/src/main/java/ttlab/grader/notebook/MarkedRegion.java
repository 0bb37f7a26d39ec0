package ttlab.grader.notebook;

/**
 * The lines from a BEGIN marker to its END marker, both included, as 0-based line indices of a
 * cell's source. {@code indent} is the BEGIN marker's leading whitespace, which a replacement
 * line takes over so that the student's copy looks hand-written.
 */
public record MarkedRegion(Marker kind, int beginIndex, int endIndex, String indent) {

    /** The BEGIN marker's line number, counting from 1 as editors do. */
    public int beginLine() {
        return beginIndex + 1;
    }

    /** The END marker's line number, counting from 1. */
    public int endLine() {
        return endIndex + 1;
    }
}

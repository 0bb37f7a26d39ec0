package ttlab.grader.notebook;

/**
 * A notebook that ttlab cannot use as it stands: malformed JSON or nbformat, invalid
 * {@code metadata.ttlab}, unbalanced markers. The message names the notebook and, where there
 * is one, the cell and line, so that an author can fix it without a debugger.
 */
public class NotebookException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String notebook;
    private final String reason;

    public NotebookException(String notebook, String reason) {
        super(notebook + ": " + reason);
        this.notebook = notebook;
        this.reason = reason;
    }

    /** The cell's position for messages: {@code cell 3 (id "a1b2")}, counting cells from 1. */
    public static String where(Cell cell) {
        return "cell " + cell.number() + " (id \"" + cell.id() + "\")";
    }

    /** The notebook as it was named when read (usually its path). */
    public String notebook() {
        return notebook;
    }

    /** What is wrong, without the notebook's name. */
    public String reason() {
        return reason;
    }
}

package ttlab.grader.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code results.json} that cannot be used: missing, unreadable, not JSON, or not shaped like a
 * results file. The message starts with the file, and names the field where there is one, so
 * that whoever runs the reports knows which submission to look at.
 */
public class ResultsFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public ResultsFileException(Path file, String reason) {
        this(file, reason, null);
    }

    public ResultsFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file, as it was named when read. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file's name. */
    public String reason() {
        return reason;
    }
}

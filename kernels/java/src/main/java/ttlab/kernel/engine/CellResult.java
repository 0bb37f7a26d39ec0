package ttlab.kernel.engine;

import java.util.List;
import java.util.Optional;

/**
 * What evaluating one cell produced: the value of a trailing expression (if any), notes such as
 * "defined, but cannot be used until X is declared", and an error when it failed.
 */
public final class CellResult {

    /** How the cell ended. */
    public enum Status { SUCCESS, COMPILE_ERROR, RUNTIME_ERROR, INTERRUPTED, TIMED_OUT }

    private final Status status;
    private final boolean hasValue;
    private final Object value;
    private final List<String> notes;
    private final CellError error;

    private CellResult(Status status, boolean hasValue, Object value, List<String> notes, CellError error) {
        this.status = status;
        this.hasValue = hasValue;
        this.value = value;
        this.notes = List.copyOf(notes);
        this.error = error;
    }

    public static CellResult success(boolean hasValue, Object value, List<String> notes) {
        return new CellResult(Status.SUCCESS, hasValue, value, notes, null);
    }

    public static CellResult failure(Status status, CellError error, List<String> notes) {
        return new CellResult(status, false, null, notes, error);
    }

    public Status status() {
        return status;
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }

    /** True when the cell ended with an expression whose value should be shown (it may be null). */
    public boolean hasValue() {
        return hasValue;
    }

    public Object value() {
        return value;
    }

    public List<String> notes() {
        return notes;
    }

    public Optional<CellError> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return status + (hasValue ? " value=" + value : "") + (error != null ? " " + error.name() + ": " + error.message() : "");
    }
}

package ttlab.grader.notebook;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a cell is for, from {@code metadata.ttlab.role}. A cell without a role is an ordinary cell:
 * students may edit it and the grader replays it. See docs/notebook-format.md.
 */
public enum CellRole {

    /** The student's part: code between solution markers becomes a stub in the student copy. */
    SOLUTION("solution"),
    /** Public JUnit tests, shown to students; the grader runs the master's version. */
    TESTS("tests"),
    /** Tests students never see: the whole cell is left out of the student copy. */
    HIDDEN_TESTS("hidden-tests"),
    /** Set-up code students must not change (read-only in their copy). */
    LOCKED("locked"),
    /** Kept for students (demos, plots, scratch work) but not replayed by the grader. */
    SKIP_IN_GRADING("skip-in-grading"),
    /**
     * A plausible mistake, in a master only: a complete replacement for one of the exercise's
     * solution cells that the exercise's tests must reject. Left out of student copies and never
     * replayed; {@code assign --check} grades the master with it swapped in.
     */
    WRONG_ANSWER("wrong-answer");

    private final String key;

    CellRole(String key) {
        this.key = key;
    }

    /** The value written in the notebook, e.g. {@code "hidden-tests"}. */
    public String key() {
        return key;
    }

    public static Optional<CellRole> fromKey(String key) {
        return Arrays.stream(values()).filter(role -> role.key.equals(key)).findFirst();
    }

    /** "solution, tests, hidden-tests, locked, skip-in-grading, wrong-answer", for messages. */
    public static String allKeys() {
        return Arrays.stream(values()).map(CellRole::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key;
    }
}

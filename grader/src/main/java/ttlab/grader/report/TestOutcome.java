package ttlab.grader.report;

import java.util.Locale;
import java.util.Optional;

/** How a test ended, as the grader records it in a test's {@code extra_data.outcome}. */
public enum TestOutcome {
    PASSED("passed"),
    FAILED("failed"),
    ERROR("error"),
    TIMED_OUT("timed out"),
    SKIPPED("skipped"),
    /** The grader never got to it, e.g. because the notebook did not compile. */
    NOT_RUN("not run");

    private final String label;

    TestOutcome(String label) {
        this.label = label;
    }

    /** What a student reads on the badge. */
    public String label() {
        return label;
    }

    /** The outcome a file names ({@code "TIMED_OUT"}, {@code "timed out"}, ...), if it is one. */
    static Optional<TestOutcome> parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (TestOutcome outcome : values()) {
            if (outcome.name().equals(key)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}

package ttlab.grader.grade;

import java.util.List;

/**
 * How results.json presents a graded submission to students, apart from the grading itself: when
 * the master's hidden tests are shown (Gradescope's {@code visibility} of a test), and a late
 * penalty already decided. The same submission is graded the same way whatever it says.
 *
 * @param hiddenTests the {@code visibility} of hidden tests: {@link #AFTER_PUBLISHED} (shown once
 *                    the instructor publishes the grades) or {@link #HIDDEN} (never shown to students)
 * @param late        the late penalty taken off the score, or null when no late policy applies
 */
public record Presentation(String hiddenTests, LatePenalty late) {

    public static final String AFTER_PUBLISHED = "after_published";
    public static final String HIDDEN = "hidden";
    /** The visibilities hidden tests may have. */
    public static final List<String> HIDDEN_TEST_VISIBILITIES = List.of(AFTER_PUBLISHED, HIDDEN);
    /** What {@code ttlab grade} and the submission service write. */
    public static final Presentation DEFAULT = new Presentation(AFTER_PUBLISHED, null);

    public Presentation {
        if (!HIDDEN_TEST_VISIBILITIES.contains(hiddenTests)) {
            throw new IllegalArgumentException("hidden tests are " + String.join(" or ", HIDDEN_TEST_VISIBILITIES)
                    + ", not " + hiddenTests);
        }
    }

    public Presentation withLate(LatePenalty penalty) {
        return new Presentation(hiddenTests, penalty);
    }

    /**
     * A late policy's verdict on one submission.
     *
     * @param daysLate    started days after the due date, 0 when on time
     * @param fraction    the fraction of the score it loses (0 to 1)
     * @param explanation one line for the student: when it was due, when it came, what it costs
     *                    (or why no penalty could be worked out)
     */
    public record LatePenalty(int daysLate, double fraction, String explanation) {

        public LatePenalty {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("a late penalty is between 0 and 1, not " + fraction);
            }
        }

        /** The score that counts after the penalty. */
        double apply(double score) {
            return SubmissionResult.round(score * (1 - fraction));
        }
    }
}

package ttlab.grader.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One assignment: a master notebook in the solutions folder (its file name without
 * {@code .ipynb} is the assignment's name) and the rules for handing it in.
 *
 * @param name           e.g. {@code 00-warmup}; students hand in {@code 00-warmup.ipynb}
 * @param title          what the page shows; the name when the configuration gives none
 * @param due            on time up to and including this instant; null: no deadline
 * @param cutoff         nothing is accepted after this instant; null: no cut-off
 * @param penaltyPerDay  the fraction of the score a late submission loses per started day late (0 to 1)
 * @param grace          lateness up to this long is not counted (a slow upload at 23:59:59)
 * @param maxSubmissions submissions a student may make; 0: no limit
 */
public record Assignment(String name, String title, Instant due, Instant cutoff, double penaltyPerDay, Duration grace,
                         int maxSubmissions) {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    public Assignment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(grace, "grace");
        if (!(penaltyPerDay >= 0 && penaltyPerDay <= 1)) {
            throw new IllegalArgumentException(name + ": late_penalty_per_day must be between 0 and 1, not " + penaltyPerDay);
        }
        if (maxSubmissions < 0) {
            throw new IllegalArgumentException(name + ": max_submissions must be 0 (no limit) or more");
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException(name + ": grace_minutes must not be negative");
        }
        if (due != null && cutoff != null && cutoff.isBefore(due)) {
            throw new IllegalArgumentException(name + ": the cutoff " + cutoff + " is before the due date " + due);
        }
    }

    /** An assignment with no deadline and no limit. */
    static Assignment open(String name) {
        return new Assignment(name, name, null, null, 0, Duration.ZERO, 0);
    }

    /**
     * What the late policy says about a submission at {@code at}.
     *
     * @param accepted whether it is taken at all (not after the cut-off)
     * @param daysLate started days after the due date (and the grace), 0 when on time
     * @param penalty  the fraction of the score it loses, {@code min(1, daysLate * penaltyPerDay)}
     * @param reason   why it was refused; "" when accepted
     */
    public record Decision(boolean accepted, int daysLate, double penalty, String reason) {

        /** The score after the penalty. */
        public double apply(double score) {
            return Math.round(score * (1 - penalty) * 1e6) / 1e6;
        }
    }

    public Decision decide(Instant at) {
        if (cutoff != null && at.isAfter(cutoff)) {
            return new Decision(false, 0, 0, "submissions for " + name + " closed at " + cutoff);
        }
        if (due == null || !at.isAfter(due.plus(grace))) {
            return new Decision(true, 0, 0, "");
        }
        long lateMillis = Duration.between(due, at).toMillis();
        int days = (int) Math.min(Integer.MAX_VALUE, (lateMillis + DAY_MILLIS - 1) / DAY_MILLIS);
        double penalty = Math.min(1.0, days * penaltyPerDay);
        return new Decision(true, days, Math.round(penalty * 1e6) / 1e6, "");
    }
}

package ttlab.grader.serve;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AssignmentTest {

    private static final Instant DUE = Instant.parse("2026-10-20T22:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2026-10-23T22:00:00Z");
    private final Assignment a = new Assignment("00-warmup", "Warm-up", DUE, CUTOFF, 0.1, Duration.ofMinutes(5), 3);

    @Test
    void onTimeUpToTheDueDateAndThroughTheGrace() {
        assertThat(a.decide(DUE.minusSeconds(3600))).isEqualTo(new Assignment.Decision(true, 0, 0, ""));
        assertThat(a.decide(DUE)).isEqualTo(new Assignment.Decision(true, 0, 0, ""));
        assertThat(a.decide(DUE.plus(Duration.ofMinutes(5)))).isEqualTo(new Assignment.Decision(true, 0, 0, ""));
    }

    @Test
    void eachStartedDayLateCostsThePenalty() {
        // Past the grace, a minute late is a started day; lateness counts from the due date.
        Assignment.Decision minute = a.decide(DUE.plus(Duration.ofMinutes(6)));
        assertThat(minute.daysLate()).isEqualTo(1);
        assertThat(minute.penalty()).isCloseTo(0.1, within(1e-12));
        assertThat(a.decide(DUE.plus(Duration.ofDays(1))).daysLate()).isEqualTo(1);
        Assignment.Decision twoAndAHalf = a.decide(DUE.plus(Duration.ofHours(60)));
        assertThat(twoAndAHalf.daysLate()).isEqualTo(3);
        assertThat(twoAndAHalf.penalty()).isCloseTo(0.3, within(1e-12));
        assertThat(twoAndAHalf.apply(12)).isCloseTo(12 * 0.7, within(1e-9));
    }

    @Test
    void nothingIsTakenAfterTheCutoff() {
        assertThat(a.decide(CUTOFF).accepted()).isTrue();
        Assignment.Decision after = a.decide(CUTOFF.plusMillis(1));
        assertThat(after.accepted()).isFalse();
        assertThat(after.reason()).contains("closed").contains(CUTOFF.toString());
    }

    @Test
    void thePenaltyNeverExceedsTheWholeScore() {
        Assignment steep = new Assignment("x", "x", DUE, null, 0.4, Duration.ZERO, 0);
        Assignment.Decision d = steep.decide(DUE.plus(Duration.ofDays(10)));
        assertThat(d.daysLate()).isEqualTo(10);
        assertThat(d.penalty()).isEqualTo(1.0);
        assertThat(d.apply(12)).isZero();
    }

    @Test
    void withoutADueDateEverythingIsOnTime() {
        assertThat(Assignment.open("x").decide(Instant.parse("2099-01-01T00:00:00Z")))
                .isEqualTo(new Assignment.Decision(true, 0, 0, ""));
    }

    @Test
    void rulesThatMakeNoSenseAreRefused() {
        assertThatThrownBy(() -> new Assignment("x", "x", DUE, DUE.minusSeconds(1), 0, Duration.ZERO, 0))
                .hasMessageContaining("before the due date");
        assertThatThrownBy(() -> new Assignment("x", "x", DUE, null, 1.5, Duration.ZERO, 0))
                .hasMessageContaining("late_penalty_per_day");
        assertThatThrownBy(() -> new Assignment("x", "x", DUE, null, 0, Duration.ZERO, -1))
                .hasMessageContaining("max_submissions");
    }
}

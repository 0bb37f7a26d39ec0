package ttlab.course.ssm;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimingTest {

    @Test
    void medianRunsOnceMoreToWarmUpAndBestRunsExactlyAsOften() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(Timing.medianMillis(calls::incrementAndGet, 5)).isGreaterThanOrEqualTo(0);
        assertThat(calls.get()).isEqualTo(6);
        calls.set(0);
        assertThat(Timing.bestMillis(calls::incrementAndGet, 3)).isGreaterThanOrEqualTo(0);
        assertThat(calls.get()).isEqualTo(3);
        assertThatThrownBy(() -> Timing.medianMillis(() -> { }, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSleepOfTwentyMillisecondsTakesAtLeastThat() {
        assertThat(Timing.medianMillis(() -> sleep(20), 3)).isGreaterThanOrEqualTo(19.9);
        assertThat(Timing.bestMillis(() -> sleep(20), 2)).isGreaterThanOrEqualTo(19.9);
    }

    @Test
    void allocatedBytesSeesAnArrayOfAMegabyte() {
        long bytes = Timing.allocatedBytes(() -> blackhole = new float[1 << 18]);
        assertThat(bytes).isBetween(1L << 20, (1L << 20) + 4096);
    }

    static volatile Object blackhole;

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package ttlab.course.ssm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MemoryAuditTest {

    @Test
    void kvCacheGrowsPerTokenAndTheStateDoesNot() {
        MemoryAudit.Transformer t = new MemoryAudit.Transformer("t", 32, 32, 128, 2);
        assertThat(t.bytesPerToken()).isEqualTo(2L * 32 * 32 * 128 * 2);
        assertThat(t.cacheBytes(1000)).isEqualTo(1000 * t.bytesPerToken());
        MemoryAudit.Ssm s = new MemoryAudit.Ssm("s", 64, 5120, 16, 4, 4);
        assertThat(s.stateNumbers()).isEqualTo(64L * 5120 * 19);
        long breakEven = MemoryAudit.breakEvenTokens(t, s);
        assertThat(t.cacheBytes(breakEven)).isGreaterThanOrEqualTo(s.stateBytes());
        assertThat(t.cacheBytes(breakEven - 1)).isLessThan(s.stateBytes());
    }

    @Test
    void theCountingBoundIsBitsOverBitsPerValue() {
        assertThat(MemoryAudit.maxExactlyRecalledValues(10, 32, 2)).isEqualTo(320.0);
        assertThat(MemoryAudit.maxExactlyRecalledValues(1, 16, 1 << 16)).isCloseTo(1.0, within(1e-12));
    }
}

package ttlab.course.ssm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScanTrafficTest {

    @Test
    void fusedTrafficIsAFewPassesOverTheChannelsWhateverN() {
        ScanTraffic n16 = new ScanTraffic(8, 1536, 4096, 16, true);
        long perChannel = 8L * 1536 * 4096;
        long bAndC = 2L * 8 * 16 * 4096;
        assertThat(n16.fusedBytes()).isEqualTo(4 * (4 * perChannel + bAndC + 1536 * 16 + 2 * 1536));
        ScanTraffic n64 = new ScanTraffic(8, 1536, 4096, 64, true);
        // only B, C and A grow with N: a few percent here
        assertThat(n64.fusedBytes() / (double) n16.fusedBytes()).isLessThan(1.05);
    }

    @Test
    void naiveTrafficGrowsWithNAndTheRatioIsAbout6NPlus7Over4ForLargeD() {
        for (int n : new int[] {4, 16, 64}) {
            ScanTraffic shape = new ScanTraffic(8, 1536, 4096, n, true);
            assertThat(shape.naiveBytes()).isGreaterThan(6L * 4 * shape.stateUpdates());
            // per element of u: naive 6N + 7 + 2N/D floats, fused 4 + 2N/D (B and C per batch, not per
            // channel); A, D and the bias add well under 0.1%
            double perChannelB = 2.0 * n / 1536;
            double expected = (6.0 * n + 7 + perChannelB) / (4 + perChannelB);
            assertThat(shape.ratio()).isCloseTo(expected, within(1e-3 * expected));
        }
        ScanTraffic ungated = new ScanTraffic(1, 10, 100, 16, false);
        assertThat(ungated.naiveBytes() - ungated.fusedBytes()).isEqualTo(4L * (6 * ungated.stateUpdates() + 3 * 1000));
    }
}

package ttlab.course;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RngTest {

    @Test
    void theSameSeedGivesTheSameNumbers() {
        assertThat(Rng.gaussian(3, 4, 42)).isDeepEqualTo(Rng.gaussian(3, 4, 42));
        assertThat(Rng.gaussian(3, 4, 42)).isNotEqualTo(Rng.gaussian(3, 4, 43));
    }

    @Test
    void gaussianEntriesHaveMeanZeroAndUnitVariance() {
        double[] all = Arrays.stream(Rng.gaussian(200, 200, 7)).flatMapToDouble(Arrays::stream).toArray();
        double mean = Arrays.stream(all).average().orElseThrow();
        double variance = Arrays.stream(all).map(x -> (x - mean) * (x - mean)).sum() / (all.length - 1);
        // 40,000 draws: the standard error of the mean is 0.005, of the variance about 0.007.
        assertThat(mean).isCloseTo(0.0, within(0.02));
        assertThat(variance).isCloseTo(1.0, within(0.03));
    }

    @Test
    void uniformDrawsStayInTheirInterval() {
        double[] v = Rng.uniform(10_000, -2, 3, 1);
        assertThat(Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(-2);
        assertThat(Arrays.stream(v).max().orElseThrow()).isLessThan(3);
        assertThat(Arrays.stream(v).average().orElseThrow()).isCloseTo(0.5, within(0.05));
    }

    @Test
    void permutationsHoldEveryIndexOnce() {
        int[] p = Rng.permutation(50, 3);
        assertThat(p).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 50).toArray());
        assertThat(p).isEqualTo(Rng.permutation(50, 3));
        assertThat(p).isNotEqualTo(java.util.stream.IntStream.range(0, 50).toArray());
    }

    @Test
    void badShapesAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> Rng.gaussian(0, 3, 1)).hasMessageContaining("rows must be positive");
        assertThatThrownBy(() -> Rng.uniform(3, 1, 1, 1)).hasMessageContaining("low < high");
    }
}

package ttlab.course.circuits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeatureMatchTest {

    @Test
    void eachFeatureFindsItsClosestLatent() {
        double[][] features = {{1, 0}, {0, 1}};
        double[][] dictionary = {{0, -1}, {0.6, 0.8}, {1, 0.01}};
        FeatureMatch match = FeatureMatch.of(features, dictionary);
        assertThat(match.latent()).containsExactly(2, 1);
        assertThat(match.cosine()[1]).isCloseTo(0.8, within(1e-15));
        assertThat(match.recovered(0.9)).isEqualTo(1);
        assertThat(match.distinctLatents()).isEqualTo(2);
        assertThat(match.meanMaxCosine()).isCloseTo((1 / Math.sqrt(1.0001) + 0.8) / 2, within(1e-12));
    }

    @Test
    void columnsAreFeatureDirectionsAndZeroHasNone() {
        assertThat(FeatureMatch.columns(new double[][]{{1, 2, 3}, {4, 5, 6}})).isDeepEqualTo(new double[][]{{1, 4}, {2, 5}, {3, 6}});
        assertThatThrownBy(() -> FeatureMatch.cosine(new double[]{0, 0}, new double[]{1, 0})).hasMessageContaining("zero");
    }
}

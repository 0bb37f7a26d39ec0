package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BandwidthStudyTest {

    private static final BandwidthStudy STUDY = new BandwidthStudy(q -> Math.sin(2 * q), 80, 0.5, -3, 3);
    private static final double[] QUERIES = Vectors.linSpace(-2, 2, 9);

    @Test
    void squaredBiasPlusVarianceIsTheMeanSquaredError() {
        BandwidthStudy.Decomposition d = STUDY.decompose(QUERIES, 0.3, 30, 1);
        assertThat(d.squaredBias() + d.variance()).isCloseTo(d.meanSquaredError(), within(1e-12));
    }

    @Test
    void aNarrowBandwidthHasMoreVarianceAndAWideOneMoreBias() {
        BandwidthStudy.Decomposition narrow = STUDY.decompose(QUERIES, 0.05, 40, 1);
        BandwidthStudy.Decomposition wide = STUDY.decompose(QUERIES, 1.5, 40, 1);
        assertThat(narrow.variance()).isGreaterThan(5 * wide.variance());
        assertThat(wide.squaredBias()).isGreaterThan(5 * narrow.squaredBias());
    }

    @Test
    void withoutNoiseAndWithATinyBandwidthTheCurvePassesThroughTheData() {
        BandwidthStudy exact = new BandwidthStudy(q -> q * q, 20, 0, -1, 1);
        BandwidthStudy.Sample sample = exact.sample(3);
        double[] at = {sample.keys()[4][0]};
        assertThat(BandwidthStudy.curve(sample, at, 1e-4)[0]).isCloseTo(sample.values()[4][0], within(1e-9));
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new BandwidthStudy(q -> q, 10, -1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise = -1");
        assertThatThrownBy(() -> STUDY.decompose(QUERIES, 0.3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

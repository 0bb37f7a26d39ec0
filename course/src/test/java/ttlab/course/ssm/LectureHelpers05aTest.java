package ttlab.course.ssm;

import org.junit.jupiter.api.Test;
import ttlab.course.Rng;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The helpers behind lecture 05a's shorter cells. */
class LectureHelpers05aTest {

    private static final DoubleUnaryOperator SIGNAL = x -> Math.exp(-x / 3) * Math.sin(4 * x) + 0.2 * x;

    @Test
    void basisIsOrthonormalAndInnerProductsIntegratePolynomialsExactly() {
        assertThat(HippoLegS.gramError(8, 3.0, 40)).isLessThan(1e-13);
        // (1/t)∫_0^t x² dx = t²/3
        assertThat(HippoLegS.innerProduct(x -> x, x -> x, 3.0, 10)).isCloseTo(3.0, within(1e-13));
        assertThat(HippoLegS.basis(0, 2.0).applyAsDouble(1.3)).isEqualTo(1.0);
        assertThat(HippoLegS.basis(1, 2.0).applyAsDouble(2.0)).isCloseTo(Math.sqrt(3), within(1e-15));   // P_1(1) = 1
    }

    @Test
    void theOdeResidualIsSmallForTheTheoremAndLargeForTheFlippedSign() {
        assertThat(HippoLegS.odeResidual(SIGNAL, 1.5, 10, +1, 100)).isLessThan(1e-6);
        assertThat(HippoLegS.odeResidual(SIGNAL, 1.5, 10, -1, 100)).isGreaterThan(0.1);
    }

    @Test
    void trackEndsWhereTheOnlineProjectionEnds() {
        double[][] rows = HippoLegS.track(SIGNAL, 2.0, 400, 6);
        assertThat(rows).hasNumberOfRows(401);
        assertThat(rows[400]).containsExactly(HippoLegS.online(SIGNAL, 2.0, 400, 6), within(0.0));
        assertThat(rows[0][0]).isEqualTo(SIGNAL.applyAsDouble(0));
        assertThat(HippoLegS.online(SIGNAL, 2.0, 4000, 6)).containsExactly(HippoLegS.offlineProjection(SIGNAL, 2.0, 6, 100), within(1e-5));
    }

    @Test
    void reversedRecurrencesAreWhatTheSwappedOperatorComputes() {
        double[] a = Rng.uniform(50, 0.5, 1.0, 1), b = Rng.gaussian(1, 50, 2)[0];
        double[] swapped = Scans.states(Scans.sequential(Affine.steps(a, b), Affine.SWAPPED));
        double[] reversed = Affine.reversedRecurrences(a, b);
        for (int t = 0; t < 50; t++) {
            assertThat(reversed[t]).isCloseTo(swapped[t], within(1e-12));
        }
        assertThat(Affine.reversedRecurrences(new double[] {2, 3}, new double[] {1, 1})).containsExactly(1, 3);   // (3·0 + 1), then 2·1 + 1
    }

    @Test
    void costsCountTheThreeScans() {
        Scans.Costs c = Scans.costs(Rng.uniform(64, 0.9, 1, 3), Rng.uniform(64, -1, 1, 4));
        assertThat(c.sequentialWork()).isEqualTo(63);
        assertThat(c.hillisSteeleWork()).isEqualTo(64L * 6 - 64 + 1);
        assertThat(c.blellochDepth()).isEqualTo(12);
        assertThat(c.maxStateError()).isLessThan(1e-12);
    }

    @Test
    void blellochInvariantsHoldAndTheExchangedStepIsWrong() {
        double[] a = Rng.uniform(100, 0.5, 1.0, 5), b = Rng.gaussian(1, 100, 6)[0];
        Scans.InvariantCheck check = Scans.blellochInvariants(a, b);
        assertThat(check.padded()).isEqualTo(128);
        assertThat(check.positionsChecked()).isEqualTo(2L * 128 * 8);          // 7 rounds + the start, both sweeps
        assertThat(check.maxLemmaGap()).isLessThan(1e-12);
        assertThat(check.maxTheoremGap()).isLessThan(1e-12);
        assertThat(check.exchangedNodes()).isPositive();
        assertThat(check.minExchangedGap()).isGreaterThan(1e-6);
        assertThat(check.states()).containsExactly(Affine.recurrence(a, b, 0), within(1e-12));
    }

    @Test
    void theChunkedRecurrenceEqualsTheLoopForAnyChunkCount() {
        double[] a = Rng.uniform(1001, 0.9, 1.0, 7), b = Rng.uniform(1001, -1, 1, 8);
        double[] loop = Affine.recurrence(a, b, 0);
        for (int chunks : List.of(1, 2, 3, 7, 1001)) {
            double[] h = Scans.chunkedRecurrence(a, b, chunks);
            for (int t = 0; t < h.length; t++) {
                assertThat(h[t]).isCloseTo(loop[t], within(1e-12));
            }
        }
        assertThatThrownBy(() -> Scans.chunkedRecurrence(a, b, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

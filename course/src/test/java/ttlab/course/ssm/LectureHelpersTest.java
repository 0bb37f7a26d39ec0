package ttlab.course.ssm;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import ttlab.course.Matrices;
import ttlab.course.Rng;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The helpers that keep block 5's lecture cells short, each against a reference computed another way. */
class LectureHelpersTest {

    @Test
    void columnsPrintScientificAndFixed() {
        DoubleColumn s = SsmColumns.scientific("s", new double[] {1.0512e-8});
        assertThat(s.getString(0)).isEqualTo("1.05E-8");
        DoubleColumn f = SsmColumns.fixed("f", new double[] {12345.678}, 1);
        assertThat(f.getString(0)).isEqualTo("12,345.7");
    }

    @Test
    void rungeKuttaIntegratesAScalarOdeAndReproducesZeroOrderHold() {
        // ḣ = −2h + 3u from h = 1 with u = 1 over Δ = 0.5: h = 3/2 + (1 − 3/2) e^{−1}
        double[] h = Discretization.rungeKutta(new double[][] {{-2}}, new double[] {3}, 1.0, new double[] {1}, 0.5, 200);
        assertThat(h[0]).isCloseTo(1.5 - 0.5 * Math.exp(-1), within(1e-12));
        double[][] a = HippoLegS.dynamicsMatrix(4);
        double[] b = HippoLegS.b(4);
        Discretization.Discrete ode = Discretization.byRungeKutta(a, b, 0.2, 500);
        Discretization.Discrete zoh = Discretization.zoh(a, Matrices.column(b), 0.2);
        assertThat(Matrices.maxAbsDifference(ode.aBar(), zoh.aBar())).isLessThan(1e-11);
        assertThat(Matrices.maxAbsDifference(ode.bBar(), zoh.bBar())).isLessThan(1e-11);
    }

    @Test
    void selectiveLayerProjectsTokensAsTheFormulasSay() {
        SelectiveLayer layer = SelectiveLayer.random(3, 4, 2, 7);
        double[][][] tokens = {Rng.gaussian(5, 3, 1)};
        SelectiveScanInputs in = layer.inputs(tokens);
        double[] x = tokens[0][2];
        double[] bt = Matrices.multiply(layer.wB(), x), dt = Matrices.multiply(layer.wUp(), Matrices.multiply(layer.wDown(), x));
        for (int n = 0; n < 4; n++) {
            assertThat((double) in.b()[in.stateIndex(0, n, 2)]).isCloseTo(bt[n], within(1e-6));
            assertThat(in.a()[1 * 4 + n]).isEqualTo(-(n + 1f));
        }
        for (int d = 0; d < 3; d++) {
            assertThat((double) in.delta()[in.index(0, d, 2)]).isCloseTo(dt[d], within(1e-6));
            assertThat((double) in.u()[in.index(0, d, 2)]).isCloseTo(x[d], within(1e-6));
            double step = Activations.softplus(layer.bias()[d]);
            assertThat(step).isBetween(0.001 - 1e-12, 0.1 + 1e-12);
        }
        assertThat(layer.inputs(tokens, false, false).z()).isNull();
        assertThat(layer.inputs(tokens, false, false).d()).isNull();
    }

    @Test
    void theScanRecomputationEqualsTheReference() {
        for (boolean gate : new boolean[] {true, false}) {
            SelectiveScanInputs in = SelectiveScanInputs.random(2, 3, 50, 5, gate, 4);
            double[] reference = SelectiveScanReference.run(in);
            double scale = Arrays.stream(reference).map(Math::abs).max().orElseThrow();
            assertThat(Vectors0.maxAbs(SelectiveScanByScans.run(in), reference)).isLessThan(1e-12 * scale);
        }
    }

    @Test
    void withRawDeltaWithUAndWithoutStepChangeOnlyWhatTheySay() {
        SelectiveScanInputs in = SelectiveScanInputs.random(2, 3, 10, 4, true, 5);
        SelectiveScanInputs changed = in.withRawDelta(1, 2, 7, 9f);
        assertThat(changed.delta()[in.index(1, 2, 7)]).isEqualTo(9f);
        assertThat(in.delta()[in.index(1, 2, 7)]).isNotEqualTo(9f);                  // the original is untouched
        float[] newU = new float[in.outputSize()];
        assertThat(in.withU(newU).u()).isSameAs(newU);
        SelectiveScanInputs shorter = in.withoutStep(3);
        assertThat(shorter.length()).isEqualTo(9);
        for (int t = 0; t < 9; t++) {
            int from = t < 3 ? t : t + 1;
            assertThat(shorter.u()[shorter.index(1, 2, t)]).isEqualTo(in.u()[in.index(1, 2, from)]);
            assertThat(shorter.z()[shorter.index(0, 1, t)]).isEqualTo(in.z()[in.index(0, 1, from)]);
            assertThat(shorter.c()[shorter.stateIndex(1, 3, t)]).isEqualTo(in.c()[in.stateIndex(1, 3, from)]);
        }
        assertThatThrownBy(() -> in.withoutStep(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maskHadamardBlocksAndRanksAgreeWithTheSsdMatrix() {
        double[] a = Rng.uniform(20, 0.8, 1.0, 1);
        double[][] b = Rng.gaussian(20, 3, 2), c = Rng.gaussian(20, 3, 3);
        double[][] m = Ssd.hadamard(Ssd.mask(a), Matrices.multiply(c, Matrices.transpose(b)));
        assertThat(Matrices.maxAbsDifference(m, Ssd.matrix(a, b, c))).isLessThan(1e-13);
        assertThat(Ssd.mask(a)[5][2]).isCloseTo(a[3] * a[4] * a[5], within(1e-15));
        assertThat(Ssd.lowerBlock(m, 8)).hasDimensions(12, 8);
        assertThat(Ssd.lowerBlock(m, 8)[0][7]).isEqualTo(m[8][7]);
        assertThat(Ssd.numericalRank(Ssd.lowerBlock(m, 10), 1e-6)).isEqualTo(3);
        assertThat(Ssd.numericalRank(Matrices.identity(6), 1e-6)).isEqualTo(6);
    }

    @Test
    void multiplyAddCountsMatchTheFormsLoops() {
        assertThat(Ssd.quadraticMultiplyAdds(4, 2, 3)).isEqualTo(10 * 2 + 16 * 3);
        assertThat(Ssd.recurrentMultiplyAdds(4, 2, 3)).isEqualTo(48);
        assertThat(Ssd.chunkedMultiplyAdds(8, 4, 2, 3)).isEqualTo(2 * (Ssd.quadraticMultiplyAdds(4, 2, 3) + 2 * 4 * 2 * 3));
        assertThat(Ssd.chunkedMultiplyAdds(64, 64, 2, 3)).isEqualTo(Ssd.quadraticMultiplyAdds(64, 2, 3) + Ssd.recurrentMultiplyAdds(64, 2, 3));
    }

    @Test
    void aQuantizedMemoryNeverHasMoreStatesThanItsBitsAllowNorRecallsMoreThanItsStates() {
        for (int k : new int[] {2, 5, 9}) {
            AssociativeRecall.QuantizedCount count = AssociativeRecall.quantizedCount(AssociativeRecall.frameKeys(k, 2, k), 2, 2.0);
            assertThat(count.assignments()).isEqualTo(1L << k);
            assertThat(count.distinctStates()).isLessThanOrEqualTo(16);
            assertThat(count.exactlyRecalled()).isLessThanOrEqualTo(count.distinctStates());
        }
        // enough bits and orthonormal keys: every assignment comes back
        AssociativeRecall.QuantizedCount exact = AssociativeRecall.quantizedCount(AssociativeRecall.frameKeys(3, 3, 1), 8, 2.0);
        assertThat(exact.exactlyRecalled()).isEqualTo(8);
    }

    @Test
    void aScalarSelectiveChannelIsSsd() {
        SelectiveScanInputs base = SelectiveScanInputs.random(1, 2, 30, 3, false, 12);
        float[] scalarA = new float[6];
        java.util.Arrays.fill(scalarA, -0.7f);
        SelectiveScanInputs scalar = new SelectiveScanInputs(1, 2, 30, 3, base.u(), base.delta(), scalarA, base.b(), base.c(),
                null, null, base.deltaBias(), true);
        double[] y = SelectiveScanReference.run(scalar);
        Ssd.Form form = Ssd.ofScalarSelectiveChannel(scalar, 0, 1);
        double[][] ySsd = Ssd.recurrent(form.a(), form.b(), form.c(), form.x());
        for (int t = 0; t < 30; t++) {
            assertThat(ySsd[t][0]).isCloseTo(y[scalar.index(0, 1, t)], within(1e-12));
        }
        assertThatThrownBy(() -> Ssd.ofScalarSelectiveChannel(base, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    static final class Vectors0 {
        static double maxAbs(double[] x, double[] y) {
            double worst = 0;
            for (int i = 0; i < x.length; i++) {
                worst = Math.max(worst, Math.abs(x[i] - y[i]));
            }
            return worst;
        }
    }
}

package ttlab.course.ssm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SelectiveScanTest {

    /** One channel, one state, three steps, written out by hand. */
    @Test
    void referenceFollowsTheDefinitionStepByStep() {
        double a = -0.8, d = 0.25;
        double[] u = {1.0, -2.0, 0.5}, delta = {0.1, 0.4, 0.2}, b = {0.3, 1.1, -0.6}, c = {2.0, -1.0, 0.5}, z = {0.7, -0.2, 1.5};
        SelectiveScanInputs in = SelectiveScanInputs.of(new double[][][] {{u}}, new double[][][] {{delta}},
                new double[][] {{a}}, new double[][][] {{b}}, new double[][][] {{c}}, new double[] {d},
                new double[][][] {{z}}, null, false);
        double h = 0;
        double[] expected = new double[3];
        for (int t = 0; t < 3; t++) {
            double dt = (float) delta[t], ut = (float) u[t];    // the inputs are stored in float32
            h = Math.exp(dt * (float) a) * h + dt * (float) b[t] * ut;
            double y = (float) c[t] * h + (float) d * ut;
            double zt = (float) z[t];
            expected[t] = y * zt / (1 + Math.exp(-zt));
        }
        assertThat(SelectiveScanReference.run(in)).containsExactly(expected, within(1e-15));
    }

    /** Δ + bias is added in double: 1 + 2⁻³⁰ is lost in float (ulp 2⁻²³ at 1) and kept in double. */
    @Test
    void theStepAddsDeltaAndItsBiasInDouble() {
        double tiny = Math.scalb(1.0, -30);
        SelectiveScanInputs in = SelectiveScanInputs.of(new double[][][] {{{0}}}, new double[][][] {{{1.0}}},
                new double[][] {{-1}}, new double[][][] {{{1}}}, new double[][][] {{{1}}}, null, null,
                new double[] {tiny}, false);
        assertThat(1.0f + (float) tiny).isEqualTo(1.0f);
        assertThat(in.step(0, 0, 0)).isEqualTo(1.0 + tiny);
        SelectiveScanInputs softplus = SelectiveScanInputs.of(new double[][][] {{{0}}}, new double[][][] {{{1.0}}},
                new double[][] {{-1}}, new double[][][] {{{1}}}, new double[][][] {{{1}}}, null, null,
                new double[] {tiny}, true);
        assertThat(softplus.step(0, 0, 0)).isEqualTo(Activations.softplus(1.0 + tiny));
    }

    /** Each (channel, state) is a linear recurrence h_t = Ā_t h_{t−1} + B̄_t u_t: the associative scan gives it too. */
    @Test
    void referenceIsAnAssociativeScanPerState() {
        SelectiveScanInputs in = SelectiveScanInputs.random(1, 1, 37, 1, false, 11);
        double[] a = new double[37], b = new double[37];
        for (int t = 0; t < 37; t++) {
            double step = in.step(0, 0, t);
            a[t] = Math.exp(step * in.a()[0]);
            b[t] = step * in.b()[t] * in.u()[t];
        }
        double[] h = Scans.states(Scans.blelloch(Affine.steps(a, b), Affine.COMBINE, Affine.IDENTITY));
        double[] y = SelectiveScanReference.run(in);
        for (int t = 0; t < 37; t++) {
            double expected = in.c()[t] * h[t] + in.d()[0] * in.u()[t];
            assertThat(y[t]).isCloseTo(expected, within(1e-12));
        }
    }

    /** Exact ZOH and Mamba's Euler B̄ give different outputs, but not very different for small steps. */
    @Test
    void zohAndEulerDifferBySecondOrderInTheStep() {
        SelectiveScanInputs in = SelectiveScanInputs.random(1, 4, 200, 8, false, 12);
        double[] euler = SelectiveScanReference.run(in, SelectiveScanReference.InputDiscretization.EULER);
        double[] zoh = SelectiveScanReference.run(in, SelectiveScanReference.InputDiscretization.ZOH);
        double worst = 0, scale = 0;
        for (int i = 0; i < euler.length; i++) {
            worst = Math.max(worst, Math.abs(euler[i] - zoh[i]));
            scale = Math.max(scale, Math.abs(zoh[i]));
        }
        // steps Δ ≤ ~0.1 and |A| ≤ 8: B̄ differs by the factor φ₁(ΔA) − 1 ≈ ΔA/2, at most a few tens of percent
        assertThat(worst).isGreaterThan(1e-4 * scale).isLessThan(0.5 * scale);
    }

    @ParameterizedTest(name = "batch {0}, D {1}, L {2}, N {3}, gate {4}")
    @CsvSource({"1, 1, 1, 1, false", "2, 24, 300, 16, true", "1, 17, 64, 5, false", "2, 8, 1000, 40, true", "3, 5, 257, 64, true"})
    void float32CpuScanMatchesTheDoubleReference(int batch, int channels, int length, int state, boolean gate) {
        SelectiveScanInputs in = SelectiveScanInputs.random(batch, channels, length, state, gate, 13);
        ErrorStats errors = ErrorStats.of(SelectiveScanCpu.sequential().run(in), SelectiveScanReference.run(in));
        // float32 rounds to 6e-8; the state is a decaying sum, so rounding errors do not pile up
        assertThat(errors.maxRel()).isLessThan(1e-4);
    }

    @Test
    void parallelScanIsBitwiseTheSequentialOne() {
        SelectiveScanInputs in = SelectiveScanInputs.random(3, 21, 500, 16, true, 14);
        assertThat(SelectiveScanCpu.parallel().run(in)).isEqualTo(SelectiveScanCpu.sequential().run(in));
    }

    @Test
    void theGateMultipliesBySiluOfZ() {
        SelectiveScanInputs gated = SelectiveScanInputs.random(1, 3, 50, 4, true, 15);
        SelectiveScanInputs plain = new SelectiveScanInputs(1, 3, 50, 4, gated.u(), gated.delta(), gated.a(), gated.b(),
                gated.c(), gated.d(), null, gated.deltaBias(), true);
        double[] y = SelectiveScanReference.run(gated), y0 = SelectiveScanReference.run(plain);
        for (int i = 0; i < y.length; i++) {
            assertThat(y[i]).isCloseTo(y0[i] * Activations.silu((double) gated.z()[i]), within(1e-12));
        }
    }

    @Test
    void biasAndSoftplusShapeTheStep() {
        SelectiveScanInputs in = SelectiveScanInputs.random(1, 2, 4, 3, false, 16);
        double raw = (double) in.delta()[in.index(0, 1, 2)] + in.deltaBias()[1];   // added in double, as documented
        assertThat(in.step(0, 1, 2)).isCloseTo(Math.log1p(Math.exp(raw)), within(1e-15)).isPositive();
        assertThat(Activations.softplus(30.0)).isEqualTo(30.0);
        assertThat(Activations.softplus(-30.0)).isCloseTo(Math.exp(-30), within(1e-20));
        SelectiveScanInputs noSoftplus = new SelectiveScanInputs(1, 2, 4, 3, in.u(), in.delta(), in.a(), in.b(), in.c(),
                in.d(), null, in.deltaBias(), false);
        assertThat(noSoftplus.step(0, 1, 2)).isCloseTo(raw, within(1e-15));
    }

    @Test
    void randomInputsLookLikeAnInitializedMambaLayer() {
        SelectiveScanInputs in = SelectiveScanInputs.random(1, 200, 1, 4, false, 17);
        for (int d = 0; d < 200; d++) {
            assertThat(in.a()[d * 4 + 3]).isEqualTo(-4f);
            double step = Activations.softplus((double) in.deltaBias()[d]);
            assertThat(step).isBetween(0.001 * 0.999, 0.1 * 1.001);   // softplus(bias) is the drawn step
        }
    }

    @Test
    void nestedArraysAndFlatArraysDescribeTheSameInputs() {
        SelectiveScanInputs flat = SelectiveScanInputs.random(2, 3, 5, 4, true, 18);
        SelectiveScanInputs nested = SelectiveScanInputs.of(unflatten(flat.u(), 2, 3, 5), unflatten(flat.delta(), 2, 3, 5),
                unflatten(flat.a(), 1, 3, 4)[0], unflatten(flat.b(), 2, 4, 5), unflatten(flat.c(), 2, 4, 5),
                toDouble(flat.d()), unflatten(flat.z(), 2, 3, 5), toDouble(flat.deltaBias()), true);
        assertThat(SelectiveScanReference.run(nested)).isEqualTo(SelectiveScanReference.run(flat));
    }

    @Test
    void wrongShapesAreRefusedWithTheirName() {
        SelectiveScanInputs ok = SelectiveScanInputs.random(1, 2, 3, 4, false, 19);
        assertThatThrownBy(() -> new SelectiveScanInputs(1, 2, 3, 4, ok.u(), ok.delta(), ok.a(), new float[5], ok.c(),
                null, null, null, true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B has 5 entries, expected 12");
        assertThatThrownBy(() -> new SelectiveScanInputs(1, 2, 3, 0, ok.u(), ok.delta(), ok.a(), ok.b(), ok.c(),
                null, null, null, true)).hasMessageContaining("state must be positive");
    }

    @Test
    void finalStatesAreTheLastStatesOfTheScan() {
        SelectiveScanInputs in = SelectiveScanInputs.random(1, 2, 30, 3, false, 20);
        double[][][] states = SelectiveScanReference.finalStates(in);
        double[] y = SelectiveScanReference.run(in);
        for (int d = 0; d < 2; d++) {
            double fromState = 0;
            for (int n = 0; n < 3; n++) {
                fromState += in.c()[in.stateIndex(0, n, 29)] * states[0][d][n];
            }
            fromState += in.d()[d] * in.u()[in.index(0, d, 29)];
            assertThat(y[in.index(0, d, 29)]).isCloseTo(fromState, within(1e-12));
        }
    }

    @Test
    void bestBackendComputesTheScanAndSaysWhichItIs() {
        SelectiveScanBackend best = SelectiveScans.best();
        SelectiveScanInputs in = SelectiveScanInputs.random(2, 16, 100, 16, true, 21);
        assertThat(ErrorStats.of(best.run(in), SelectiveScanReference.run(in)).maxRel()).isLessThan(1e-3);
        assertThat(best.name()).containsAnyOf("CPU", "GPU");
        assertThat(SelectiveScans.gpuStatus()).isNotBlank();
    }

    @Test
    void errorStatsUseAFloorForTinyReferences() {
        ErrorStats stats = ErrorStats.of(new float[] {1.1f, 0f}, new double[] {1.0, 1e-9});
        assertThat(stats.maxAbs()).isCloseTo(0.1, within(1e-6));
        assertThat(stats.maxRel()).isCloseTo(0.1, within(1e-6));   // 1e-9 / 1e-3 would not dominate
        assertThat(ErrorStats.of(new float[] {Float.NaN}, new double[] {1}).maxAbs()).isNaN();
    }

    private static double[][][] unflatten(float[] v, int x, int y, int z) {
        double[][][] out = new double[x][y][z];
        for (int i = 0; i < x; i++) {
            for (int j = 0; j < y; j++) {
                for (int k = 0; k < z; k++) {
                    out[i][j][k] = v[(i * y + j) * z + k];
                }
            }
        }
        return out;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}

package ttlab.course.ssm;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HippoLegSTest {

    private static final DoubleUnaryOperator SIGNAL = x -> Math.sin(3 * x) + 0.5 * Math.cos(7 * x) + 0.3 * x;

    @Test
    void matricesFollowTheFormulaOfTheorem2() {
        double[][] a = HippoLegS.a(5);
        double[] b = HippoLegS.b(5);
        assertThat(a[0][0]).isEqualTo(1.0);
        assertThat(a[3][3]).isEqualTo(4.0);
        assertThat(a[2][0]).isCloseTo(Math.sqrt(5), within(1e-15));
        assertThat(a[4][1]).isCloseTo(Math.sqrt(9) * Math.sqrt(3), within(1e-15));
        assertThat(a[1][3]).isZero();
        assertThat(b[3]).isCloseTo(Math.sqrt(7), within(1e-15));
        double[][] reference = HippoLegS.dynamicsMatrix(5);
        for (int n = 0; n < 5; n++) {
            for (int k = 0; k < 5; k++) {
                assertThat(reference[n][k]).isEqualTo(-a[n][k]);
            }
        }
    }

    /**
     * The ODE of Theorem 2, checked on the offline coefficients themselves: their time derivative
     * (central differences) equals −(1/t)A c + (1/t)B f(t). With the sign of A flipped it does not.
     */
    @Test
    void offlineCoefficientsSatisfyTheLegSOde() {
        int n = 8;
        double[][] a = HippoLegS.a(n);
        double[] b = HippoLegS.b(n);
        for (double t : new double[] {0.5, 1.3, 4.0}) {
            double h = 1e-4;
            double[] c = HippoLegS.offlineProjection(SIGNAL, t, n, 80);
            double[] plus = HippoLegS.offlineProjection(SIGNAL, t + h, n, 80);
            double[] minus = HippoLegS.offlineProjection(SIGNAL, t - h, n, 80);
            double worst = 0, worstFlipped = 0;
            for (int row = 0; row < n; row++) {
                double derivative = (plus[row] - minus[row]) / (2 * h);
                double ac = 0;
                for (int col = 0; col < n; col++) {
                    ac += a[row][col] * c[col];
                }
                double rhs = (-ac + b[row] * SIGNAL.applyAsDouble(t)) / t;
                double flipped = (ac + b[row] * SIGNAL.applyAsDouble(t)) / t;
                worst = Math.max(worst, Math.abs(derivative - rhs));
                worstFlipped = Math.max(worstFlipped, Math.abs(derivative - flipped));
            }
            assertThat(worst).as("ODE residual at t = %s", t).isLessThan(1e-6);
            assertThat(worstFlipped).as("residual with +A").isGreaterThan(0.1);
        }
    }

    @Test
    void onlineCoefficientsMatchTheOfflineProjectionWithSecondOrderConvergence() {
        int n = 10;
        double t = 3;
        double[] offline = HippoLegS.offlineProjection(SIGNAL, t, n, 100);
        double coarse = maxDifference(online(t, 2000, n), offline);
        double fine = maxDifference(online(t, 4000, n), offline);
        assertThat(fine).isLessThan(5e-6);
        assertThat(coarse / fine).as("error ratio when the step halves").isBetween(3.5, 4.5);
    }

    @Test
    void aConstantSignalIsAFixedPointOfTheUpdate() {
        HippoLegS.Online online = new HippoLegS.Online(6, 2.5);
        for (int k = 0; k < 50; k++) {
            online.step(2.5);
        }
        double[] c = online.coefficients();
        assertThat(c[0]).isCloseTo(2.5, within(1e-13));
        for (int k = 1; k < 6; k++) {
            assertThat(c[k]).isCloseTo(0, within(1e-13));
        }
        assertThat(online.steps()).isEqualTo(50);
    }

    @Test
    void aPolynomialOfDegreeBelowNIsReconstructedExactly() {
        DoubleUnaryOperator cubic = x -> 1 - 2 * x + 0.5 * x * x * x;
        double t = 2;
        double[] c = HippoLegS.offlineProjection(cubic, t, 4, 10);
        for (double x = 0; x <= t; x += 0.1) {
            assertThat(HippoLegS.reconstruct(c, t, x)).isCloseTo(cubic.applyAsDouble(x), within(1e-12));
        }
    }

    /** Smooth f: the error falls with N, and once N resolves f's oscillations, geometrically. */
    @Test
    void reconstructionErrorFallsAsNGrows() {
        double t = 3;
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {4, 8, 12, 16, 20, 24, 32}) {
            double[] c = HippoLegS.offlineProjection(SIGNAL, t, n, 100);
            double error = 0;
            for (double x = 0; x <= t; x += 0.01) {
                error = Math.max(error, Math.abs(HippoLegS.reconstruct(c, t, x) - SIGNAL.applyAsDouble(x)));
            }
            assertThat(error).as("error at N = %d", n).isLessThan(n <= 12 ? previous : previous / 10);
            previous = error;
        }
        assertThat(previous).isLessThan(1e-10);
    }

    private static double[] online(double t, int steps, int n) {
        double[] samples = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            samples[k] = SIGNAL.applyAsDouble(k * t / steps);
        }
        return HippoLegS.onlineProjection(samples, n);
    }

    private static double maxDifference(double[] x, double[] y) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - y[i]));
        }
        return worst;
    }
}

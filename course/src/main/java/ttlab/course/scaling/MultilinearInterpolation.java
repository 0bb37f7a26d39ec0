package ttlab.course.scaling;

import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Multilinear interpolation of a function on a uniform grid of m points per side over [0,1]^d: the
 * piecewise-linear model behind Sharma and Kaplan's (2020) argument. It has m^d values (its
 * "parameters"), cells of side s = 1/(m-1), a pointwise error O(s^2) for a smooth function, hence a
 * mean squared error O(s^4) = O(N^(-4/d)).
 */
public final class MultilinearInterpolation {

    private final int d;
    private final int m;
    private final double[] values; // f at the grid points, index = sum_k i_k m^k

    /** Samples f at the m^d grid points of [0,1]^d. */
    public MultilinearInterpolation(int d, int m, ToDoubleFunction<double[]> f) {
        if (d < 1 || m < 2 || Math.pow(m, d) > 5e7) {
            throw new IllegalArgumentException("need d >= 1, m >= 2 and m^d <= 5e7, not d = " + d + ", m = " + m);
        }
        this.d = d;
        this.m = m;
        int count = (int) Math.round(Math.pow(m, d));
        values = new double[count];
        double[] point = new double[d];
        for (int index = 0; index < count; index++) {
            int rest = index;
            for (int k = 0; k < d; k++) {
                point[k] = (double) (rest % m) / (m - 1);
                rest /= m;
            }
            values[index] = f.applyAsDouble(point);
        }
    }

    /** The number of stored values, m^d. */
    public int parameters() {
        return values.length;
    }

    /** The interpolant at u in [0,1]^d: the 2^d corners of u's cell, weighted by the products of the linear weights. */
    public double at(double[] u) {
        int[] cell = new int[d];
        double[] t = new double[d];
        for (int k = 0; k < d; k++) {
            double scaled = Math.min(Math.max(u[k], 0), 1) * (m - 1);
            cell[k] = Math.min((int) Math.floor(scaled), m - 2);
            t[k] = scaled - cell[k];
        }
        double sum = 0;
        for (int corner = 0; corner < (1 << d); corner++) {
            double weight = 1;
            int index = 0, stride = 1;
            for (int k = 0; k < d; k++) {
                boolean upper = (corner >> k & 1) == 1;
                weight *= upper ? t[k] : 1 - t[k];
                index += (cell[k] + (upper ? 1 : 0)) * stride;
                stride *= m;
            }
            sum += weight * values[index];
        }
        return sum;
    }

    /** The mean squared error against f at {@code samples} uniform random points (seeded). */
    public double meanSquaredError(ToDoubleFunction<double[]> f, int samples, long seed) {
        Random random = new Random(seed);
        double sum = 0;
        double[] u = new double[d];
        for (int i = 0; i < samples; i++) {
            for (int k = 0; k < d; k++) {
                u[k] = random.nextDouble();
            }
            double r = at(u) - f.applyAsDouble(u);
            sum += r * r;
        }
        return sum / samples;
    }
}

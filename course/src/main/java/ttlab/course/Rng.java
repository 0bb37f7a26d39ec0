package ttlab.course;

import java.util.Random;

/**
 * Seeded random data for lectures and exercises: every demo and every test names its seed, so
 * a student, the grader and the lecture all see the same numbers.
 */
public final class Rng {

    private Rng() {
    }

    /** A rows × cols matrix of independent standard normal entries. */
    public static double[][] gaussian(int rows, int cols, long seed) {
        requirePositive(rows, "rows");
        requirePositive(cols, "cols");
        Random random = new Random(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    /** A vector of n independent draws, uniform on [low, high). */
    public static double[] uniform(int n, double low, double high, long seed) {
        requirePositive(n, "n");
        if (!(low < high)) {
            throw new IllegalArgumentException("need low < high, got [" + low + ", " + high + ")");
        }
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = low + (high - low) * random.nextDouble();
        }
        return v;
    }

    /** A random permutation of {@code 0, ..., n − 1} (Fisher–Yates). */
    public static int[] permutation(int n, long seed) {
        requirePositive(n, "n");
        Random random = new Random(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static void requirePositive(int n, String name) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + n);
        }
    }
}

package ttlab.course.ssm;

/**
 * The few dense matrix operations this package needs, on {@code double[rows][cols]}: small and
 * plain, for matrices of the size of a state (N up to a few hundred).
 *
 * <p>Package-private on purpose: notebooks import both {@code ttlab.course.*} (by default) and
 * {@code ttlab.course.ssm.*}, and a second public {@code Matrices} would make every use of the
 * name ambiguous there.
 */
final class Matrices {

    private Matrices() {
    }

    /** The n×n identity. */
    public static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** A diagonal matrix. */
    public static double[][] diagonal(double[] d) {
        double[][] m = new double[d.length][d.length];
        for (int i = 0; i < d.length; i++) {
            m[i][i] = d[i];
        }
        return m;
    }

    /** x·y. */
    public static double[][] multiply(double[][] x, double[][] y) {
        int inner = y.length;
        if (x[0].length != inner) {
            throw new IllegalArgumentException("shapes do not match: " + x.length + "×" + x[0].length
                    + " times " + y.length + "×" + y[0].length);
        }
        double[][] out = new double[x.length][y[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < inner; k++) {
                double xik = x[i][k];
                for (int j = 0; j < y[0].length; j++) {
                    out[i][j] += xik * y[k][j];
                }
            }
        }
        return out;
    }

    /** s·x + t·y. */
    public static double[][] combine(double s, double[][] x, double t, double[][] y) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[i][j] = s * x[i][j] + t * y[i][j];
            }
        }
        return out;
    }

    /** s·x. */
    public static double[][] scale(double s, double[][] x) {
        return combine(s, x, 0, x);
    }

    /** The induced 1-norm: the largest column sum of absolute values. */
    public static double norm1(double[][] x) {
        double best = 0;
        for (int j = 0; j < x[0].length; j++) {
            double sum = 0;
            for (double[] row : x) {
                sum += Math.abs(row[j]);
            }
            best = Math.max(best, sum);
        }
        return best;
    }

    /** max |x<sub>ij</sub> − y<sub>ij</sub>|. */
    public static double maxAbsDifference(double[][] x, double[][] y) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                worst = Math.max(worst, Math.abs(x[i][j] - y[i][j]));
            }
        }
        return worst;
    }

    /** X with A·X = B, by LU decomposition with partial pivoting. */
    public static double[][] solve(double[][] a, double[][] b) {
        int n = a.length;
        double[][] lu = new double[n][];
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            lu[i] = a[i].clone();
            x[i] = b[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(lu[row][col]) > Math.abs(lu[pivot][col])) {
                    pivot = row;
                }
            }
            if (lu[pivot][col] == 0) {
                throw new ArithmeticException("matrix is singular");
            }
            double[] swap = lu[col]; lu[col] = lu[pivot]; lu[pivot] = swap;
            swap = x[col]; x[col] = x[pivot]; x[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = lu[row][col] / lu[col][col];
                for (int k = col; k < n; k++) {
                    lu[row][k] -= factor * lu[col][k];
                }
                for (int k = 0; k < x[row].length; k++) {
                    x[row][k] -= factor * x[col][k];
                }
            }
        }
        for (int row = n - 1; row >= 0; row--) {
            for (int k = 0; k < x[row].length; k++) {
                double sum = x[row][k];
                for (int j = row + 1; j < n; j++) {
                    sum -= lu[row][j] * x[j][k];
                }
                x[row][k] = sum / lu[row][row];
            }
        }
        return x;
    }

    /** A⁻¹. */
    public static double[][] inverse(double[][] a) {
        return solve(a, identity(a.length));
    }

    /** A column vector (n×1) from an array. */
    public static double[][] column(double[] v) {
        double[][] m = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            m[i][0] = v[i];
        }
        return m;
    }
}

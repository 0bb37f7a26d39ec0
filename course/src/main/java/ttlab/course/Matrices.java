package ttlab.course;

import java.util.Arrays;

/**
 * Small dense linear algebra on {@code double[][]}, row-major ({@code m[i]} is row i), for the
 * lectures' demos: sizes of tens to hundreds, where plain loops are fast and easy to read.
 * Every method returns a new array and leaves its arguments alone.
 */
public final class Matrices {

    private Matrices() {
    }

    /** The product {@code a b}. */
    public static double[][] multiply(double[][] a, double[][] b) {
        int n = rows(a);
        int inner = cols(a);
        if (rows(b) != inner) {
            throw new IllegalArgumentException("shapes do not match: " + shape(a) + " times " + shape(b));
        }
        int m = cols(b);
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    /** The product {@code a v} of a matrix and a column vector. */
    public static double[] multiply(double[][] a, double[] v) {
        if (cols(a) != v.length) {
            throw new IllegalArgumentException("shapes do not match: " + shape(a) + " times a vector of " + v.length);
        }
        double[] c = new double[rows(a)];
        for (int i = 0; i < c.length; i++) {
            c[i] = Vectors.dot(a[i], v);
        }
        return c;
    }

    /** The transpose {@code aᵀ}. */
    public static double[][] transpose(double[][] a) {
        double[][] t = new double[cols(a)][rows(a)];
        for (int i = 0; i < rows(a); i++) {
            for (int j = 0; j < cols(a); j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** {@code a + b}. */
    public static double[][] add(double[][] a, double[][] b) {
        requireSameShape(a, b);
        double[][] c = new double[rows(a)][];
        for (int i = 0; i < c.length; i++) {
            c[i] = Vectors.add(a[i], b[i]);
        }
        return c;
    }

    /** {@code a − b}. */
    public static double[][] subtract(double[][] a, double[][] b) {
        requireSameShape(a, b);
        double[][] c = new double[rows(a)][];
        for (int i = 0; i < c.length; i++) {
            c[i] = Vectors.subtract(a[i], b[i]);
        }
        return c;
    }

    /** {@code s · a}. */
    public static double[][] scale(double[][] a, double s) {
        double[][] c = new double[rows(a)][];
        for (int i = 0; i < c.length; i++) {
            c[i] = Vectors.scale(a[i], s);
        }
        return c;
    }

    /** The n × n identity. */
    public static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** A deep copy. */
    public static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** The rows of {@code a} in the order {@code perm}: row i of the result is row {@code perm[i]} of a. */
    public static double[][] permuteRows(double[][] a, int[] perm) {
        if (perm.length != a.length) {
            throw new IllegalArgumentException("a permutation of " + perm.length + " for " + a.length + " rows");
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < perm.length; i++) {
            c[i] = a[perm[i]].clone();
        }
        return c;
    }

    /** The Frobenius norm {@code ‖a‖_F = sqrt(Σ a_ij²)}. */
    public static double frobeniusNorm(double[][] a) {
        double sum = 0;
        for (double[] row : a) {
            for (double x : row) {
                sum += x * x;
            }
        }
        return Math.sqrt(sum);
    }

    /** The largest entry-wise difference {@code max |a_ij − b_ij|}. */
    public static double maxAbsDifference(double[][] a, double[][] b) {
        requireSameShape(a, b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Vectors.maxAbsDifference(a[i], b[i]));
        }
        return max;
    }

    /** A diagonal matrix. */
    public static double[][] diagonal(double[] d) {
        double[][] m = new double[d.length][d.length];
        for (int i = 0; i < d.length; i++) {
            m[i][i] = d[i];
        }
        return m;
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

    /** The mean of each column: the vector x̄ with {@code x̄_j = (1/n) Σ_i a_ij}. */
    public static double[] columnMeans(double[][] a) {
        double[] mean = new double[cols(a)];
        for (double[] row : a) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j];
            }
        }
        return Vectors.scale(mean, 1.0 / rows(a));
    }

    /** The sum of each row. */
    public static double[] rowSums(double[][] a) {
        double[] sums = new double[rows(a)];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = Vectors.sum(a[i]);
        }
        return sums;
    }

    /** The n × d matrix whose rows all equal {@code row}: {@code 1 rowᵀ}. */
    public static double[][] repeatRow(double[] row, int n) {
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = row.clone();
        }
        return m;
    }

    /** Whether {@code a} is square and equal to its transpose within {@code tolerance}. */
    public static boolean isSymmetric(double[][] a, double tolerance) {
        if (rows(a) != cols(a)) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > tolerance) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The eigenvalues of a symmetric matrix, largest first, by the cyclic Jacobi method: plane
     * rotations that zero one off-diagonal entry at a time until the off-diagonal mass is below
     * round-off. Accurate to a few ulps of the largest eigenvalue; meant for n up to a few hundred.
     */
    public static double[] symmetricEigenvalues(double[][] a) {
        if (!isSymmetric(a, 1e-12 * (1 + maxAbs(a)))) {
            throw new IllegalArgumentException("symmetricEigenvalues needs a symmetric matrix");
        }
        int n = a.length;
        double[][] m = copy(a);
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += m[p][q] * m[p][q];
                }
            }
            if (off <= 1e-30 * (1 + sumOfSquares(m))) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (m[p][q] != 0) {
                        rotate(m, p, q);
                    }
                }
            }
        }
        double[] eig = new double[n];
        for (int i = 0; i < n; i++) {
            eig[i] = m[i][i];
        }
        Arrays.sort(eig);
        reverse(eig);
        return eig;
    }

    /**
     * The singular values of {@code a}, largest first: square roots of the eigenvalues of
     * {@code aᵀa} (of {@code a aᵀ} when that is smaller). Squaring loses the singular values below
     * about 1e-8 of the largest; that is enough to read off a numerical rank in the demos.
     */
    public static double[] singularValues(double[][] a) {
        double[][] gram = rows(a) >= cols(a) ? multiply(transpose(a), a) : multiply(a, transpose(a));
        // The product of a matrix with its own transpose is symmetric up to rounding; make it exactly so.
        for (int i = 0; i < gram.length; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (gram[i][j] + gram[j][i]);
                gram[i][j] = mean;
                gram[j][i] = mean;
            }
        }
        double[] eig = symmetricEigenvalues(gram);
        double[] sv = new double[eig.length];
        for (int i = 0; i < eig.length; i++) {
            sv[i] = Math.sqrt(Math.max(0, eig[i]));
        }
        return sv;
    }

    /** Rows × columns, e.g. {@code "3x4"}, for messages. */
    public static String shape(double[][] a) {
        return rows(a) + "x" + cols(a);
    }

    private static int rows(double[][] a) {
        return a.length;
    }

    private static int cols(double[][] a) {
        if (a.length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row");
        }
        int cols = a[0].length;
        for (double[] row : a) {
            if (row.length != cols) {
                throw new IllegalArgumentException("ragged matrix: rows of length " + cols + " and " + row.length);
            }
        }
        return cols;
    }

    private static void requireSameShape(double[][] a, double[][] b) {
        if (rows(a) != rows(b) || cols(a) != cols(b)) {
            throw new IllegalArgumentException("shapes differ: " + shape(a) + " vs " + shape(b));
        }
    }

    private static double maxAbs(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            for (double x : row) {
                max = Math.max(max, Math.abs(x));
            }
        }
        return max;
    }

    private static double sumOfSquares(double[][] a) {
        double f = frobeniusNorm(a);
        return f * f;
    }

    /** One Jacobi rotation in the (p, q) plane that makes m[p][q] zero (Golub & Van Loan, §8.5). */
    private static void rotate(double[][] m, int p, int q) {
        double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = m.length;
        for (int k = 0; k < n; k++) {
            double mkp = m[k][p];
            double mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++) {
            double mpk = m[p][k];
            double mqk = m[q][k];
            m[p][k] = c * mpk - s * mqk;
            m[q][k] = s * mpk + c * mqk;
        }
    }

    private static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}

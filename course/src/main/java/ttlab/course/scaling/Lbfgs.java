package ttlab.course.scaling;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Limited-memory BFGS (Nocedal & Wright 2006, Numerical Optimization, Algorithm 7.4 and 7.5) with a
 * line search that satisfies the strong Wolfe conditions (their Algorithms 3.5 and 3.6, bisection
 * in the zoom phase). It is written out here because Apache Commons Math, the usual maintained
 * optimization library for Java, offers no L-BFGS; it is small, and tested on known minima.
 *
 * <p>The two-loop recursion applies the inverse-Hessian approximation built from the last
 * {@code memory} steps s = x_{k+1} - x_k and gradient changes y = g_{k+1} - g_k without storing a
 * matrix, so one iteration costs O(memory * dimension).
 */
public final class Lbfgs {

    /** A function and its gradient: fills {@code gradient} and returns the value at {@code x}. */
    @FunctionalInterface
    public interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** The point reached, its value, the iterations taken, and whether the gradient test was met. */
    public record Result(double[] x, double value, int iterations, boolean converged) {
    }

    private static final double C1 = 1e-4; // sufficient decrease (Armijo)
    private static final double C2 = 0.9;  // curvature, the usual choice for quasi-Newton methods

    private final int memory;
    private final int maxIterations;
    private final double gradientTolerance;

    /** memory 10, at most 1000 iterations, stop when the largest gradient entry is below 1e-10. */
    public Lbfgs() {
        this(10, 1000, 1e-10);
    }

    public Lbfgs(int memory, int maxIterations, double gradientTolerance) {
        if (memory < 1 || maxIterations < 1 || !(gradientTolerance > 0)) {
            throw new IllegalArgumentException("memory and maxIterations must be at least 1 and the tolerance positive, not "
                    + memory + ", " + maxIterations + ", " + gradientTolerance);
        }
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
    }

    /** Minimizes {@code f} from {@code start} (left unchanged). */
    public Result minimize(Objective f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double value = f.valueAndGradient(x, g);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the objective is not finite at the start " + Arrays.toString(start) + ": " + value);
        }
        Deque<double[][]> pairs = new ArrayDeque<>(); // {s, y, {1 / (y.s)}}, newest first
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (maxAbs(g) < gradientTolerance) {
                return new Result(x, value, iteration, true);
            }
            double[] direction = twoLoop(g, pairs);
            if (dot(direction, g) >= 0) { // not a descent direction: restart from steepest descent
                pairs.clear();
                direction = scaled(g, -1);
            }
            double initialStep = pairs.isEmpty() ? Math.min(1, 1 / Math.max(1e-300, maxAbs(g))) : 1;
            LineSearch step = lineSearch(f, x, value, g, direction, initialStep);
            if (step == null) {
                return new Result(x, value, iteration, false); // no progress possible in double precision
            }
            double[] s = subtract(step.x, x);
            double[] y = subtract(step.gradient, g);
            double ys = dot(y, s);
            if (ys > 1e-300) { // keeps the approximation positive definite
                pairs.addFirst(new double[][]{s, y, {1 / ys}});
                if (pairs.size() > memory) {
                    pairs.removeLast();
                }
            }
            double previous = value;
            x = step.x;
            g = step.gradient;
            value = step.value;
            if (previous - value <= 1e-16 * Math.max(1, Math.abs(value)) && maxAbs(s) <= 1e-15 * Math.max(1, maxAbs(x))) {
                return new Result(x, value, iteration + 1, maxAbs(g) < gradientTolerance);
            }
        }
        return new Result(x, value, maxIterations, maxAbs(g) < gradientTolerance);
    }

    /** -H g by the two-loop recursion, H scaled by y.s / y.y of the newest pair. */
    private static double[] twoLoop(double[] g, Deque<double[][]> pairs) {
        double[] q = g.clone();
        double[] alphas = new double[pairs.size()];
        int i = 0;
        for (double[][] pair : pairs) { // newest to oldest
            alphas[i] = pair[2][0] * dot(pair[0], q);
            axpy(-alphas[i], pair[1], q);
            i++;
        }
        if (!pairs.isEmpty()) {
            double[][] newest = pairs.peekFirst();
            double gamma = 1 / (newest[2][0] * dot(newest[1], newest[1]));
            for (int k = 0; k < q.length; k++) {
                q[k] *= gamma;
            }
        }
        var oldestFirst = pairs.descendingIterator();
        i = pairs.size() - 1;
        while (oldestFirst.hasNext()) {
            double[][] pair = oldestFirst.next();
            double beta = pair[2][0] * dot(pair[1], q);
            axpy(alphas[i] - beta, pair[0], q);
            i--;
        }
        return scaled(q, -1);
    }

    private record LineSearch(double[] x, double value, double[] gradient) {
    }

    /** A step along {@code p} meeting the strong Wolfe conditions, or null when none can be found. */
    private static LineSearch lineSearch(Objective f, double[] x, double f0, double[] g0, double[] p, double initial) {
        double slope0 = dot(g0, p);
        double previousStep = 0, previousValue = f0, previousSlope = slope0;
        double step = initial;
        for (int trial = 0; trial < 60; trial++) {
            LineSearch at = evaluate(f, x, p, step);
            double slope = dot(at.gradient, p);
            if (!Double.isFinite(at.value) || at.value > f0 + C1 * step * slope0 || (trial > 0 && at.value >= previousValue)) {
                return zoom(f, x, f0, slope0, p, previousStep, previousValue, step);
            }
            if (Math.abs(slope) <= -C2 * slope0) {
                return at;
            }
            if (slope >= 0) {
                return zoom(f, x, f0, slope0, p, step, at.value, previousStep);
            }
            previousStep = step;
            previousValue = at.value;
            previousSlope = slope;
            step *= 2;
        }
        return null;
    }

    private static LineSearch zoom(Objective f, double[] x, double f0, double slope0, double[] p,
                                   double low, double lowValue, double high) {
        LineSearch best = null;
        for (int trial = 0; trial < 60; trial++) {
            double step = 0.5 * (low + high);
            LineSearch at = evaluate(f, x, p, step);
            double slope = dot(at.gradient, p);
            if (!Double.isFinite(at.value) || at.value > f0 + C1 * step * slope0 || at.value >= lowValue) {
                high = step;
            } else {
                best = at;
                if (Math.abs(slope) <= -C2 * slope0) {
                    return at;
                }
                if (slope * (high - low) >= 0) {
                    high = low;
                }
                low = step;
                lowValue = at.value;
            }
        }
        return best; // sufficient decrease without the curvature condition: still progress
    }

    private static LineSearch evaluate(Objective f, double[] x, double[] p, double step) {
        double[] point = x.clone();
        axpy(step, p, point);
        double[] gradient = new double[x.length];
        double value = f.valueAndGradient(point, gradient);
        return new LineSearch(point, value, gradient);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] scaled(double[] a, double s) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = s * a[i];
        }
        return r;
    }

    private static double[] subtract(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}

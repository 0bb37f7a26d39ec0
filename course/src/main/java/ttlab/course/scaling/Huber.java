package ttlab.course.scaling;

/**
 * The Huber loss: r^2/2 for |r| <= delta, delta (|r| - delta/2) beyond. Quadratic near zero,
 * linear in the tails, so a few outlying runs pull a fit far less than under squared error.
 * Hoffmann et al. (2022) fit their law with delta = 1e-3 on the residuals of log-loss.
 */
public final class Huber {

    /** The delta of Hoffmann et al. (2022). */
    public static final double CHINCHILLA_DELTA = 1e-3;

    private Huber() {
    }

    public static double value(double residual, double delta) {
        double r = Math.abs(residual);
        return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
    }

    /** d/dr: r inside, delta sign(r) outside. */
    public static double derivative(double residual, double delta) {
        return Math.abs(residual) <= delta ? residual : delta * Math.signum(residual);
    }
}

package ttlab.course.ssm;

/** The two nonlinearities of the selective scan, in double and in float. */
public final class Activations {

    /** Above this, softplus(x) is x to float precision (PyTorch's default threshold). */
    public static final double SOFTPLUS_THRESHOLD = 20;

    private Activations() {
    }

    /** softplus(x) = log(1 + eˣ): a positive step size from any real number. */
    public static double softplus(double x) {
        return x > SOFTPLUS_THRESHOLD ? x : Math.log1p(Math.exp(x));
    }

    /** softplus in float. */
    public static float softplus(float x) {
        return x > SOFTPLUS_THRESHOLD ? x : (float) Math.log1p(Math.exp(x));
    }

    /** silu(x) = x·σ(x), the gate of Mamba's output. */
    public static double silu(double x) {
        return x / (1 + Math.exp(-x));
    }

    /** silu in float. */
    public static float silu(float x) {
        return (float) (x / (1 + Math.exp(-x)));
    }
}

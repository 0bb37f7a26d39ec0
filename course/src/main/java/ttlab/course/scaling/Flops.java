package ttlab.course.scaling;

/**
 * The compute of a dense model with N (non-embedding) parameters, counted in floating-point
 * operations (a multiply-add is two): 2N per token forward, 4N per token backward, so C = 6ND to
 * train on D tokens and 2N per generated token at inference (Kaplan et al. 2020, Section 2.1).
 * {@link CountingMlp} counts the multiply-adds of a real pass to check these.
 */
public final class Flops {

    private Flops() {
    }

    /** 6 N D: forward (2N) and backward (4N) for each of D tokens. */
    public static double training(double parameters, double tokens) {
        return 6 * parameters * tokens;
    }

    /** 2 N per token: one multiply-add per weight in the forward pass. */
    public static double inference(double parameters, double tokens) {
        return 2 * parameters * tokens;
    }
}

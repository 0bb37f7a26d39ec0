package ttlab.course.attention;

/** Which keys a query may attend to. */
public enum Mask {
    /** Every query sees every key (an encoder, or attention over a set). */
    NONE,
    /** Query i sees keys 0..i only: a decoder must not read the future (Vaswani et al. 2017, §3.2.3). */
    CAUSAL;

    /** Whether query {@code i} may attend to key {@code j}. */
    public boolean allows(int i, int j) {
        return this == NONE || j <= i;
    }

    /** The masked scores: entries this mask forbids become {@code −∞}, so softmax gives them weight 0. */
    public double[][] apply(double[][] scores) {
        double[][] masked = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            masked[i] = scores[i].clone();
            for (int j = 0; j < masked[i].length; j++) {
                if (!allows(i, j)) {
                    masked[i][j] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        return masked;
    }
}

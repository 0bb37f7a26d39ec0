package ttlab.course.ssm;

import java.util.function.BinaryOperator;

/**
 * The affine map h ↦ a·h + b: one step h<sub>t</sub> = a<sub>t</sub>h<sub>t−1</sub> + b<sub>t</sub>
 * of a linear recurrence. Doing (a₁, b₁) and then (a₂, b₂) is
 * <pre>  (a₁, b₁) ∘ (a₂, b₂) = (a₂a₁, a₂b₁ + b₂),</pre>
 * an associative operation with identity (1, 0), so every prefix of the recurrence is a scan
 * (Blelloch 1990, "Prefix sums and their applications"). It is not commutative: the
 * order of the steps matters, and {@link #SWAPPED} (the operands exchanged) gives wrong prefixes.
 */
public record Affine(double a, double b) {

    /** (1, 0): h ↦ h. */
    public static final Affine IDENTITY = new Affine(1, 0);

    /** The scan operator, earlier step on the left: {@code COMBINE.apply(x, y) == x.then(y)}. */
    public static final BinaryOperator<Affine> COMBINE = Affine::then;

    /** The wrong operator, with its operands exchanged: y first, then x. */
    public static final BinaryOperator<Affine> SWAPPED = (earlier, later) -> later.then(earlier);

    /** This step, then {@code later}: (a₁, b₁) ∘ (a₂, b₂) = (a₂a₁, a₂b₁ + b₂). */
    public Affine then(Affine later) {
        return new Affine(later.a * a, later.a * b + later.b);
    }

    /** max(|a − a'|, |b − b'|): how far apart two steps are, for comparing results that differ by rounding. */
    public double distance(Affine other) {
        return Math.max(Math.abs(a - other.a), Math.abs(b - other.b));
    }

    /** a·h + b. */
    public double apply(double h) {
        return a * h + b;
    }

    /** The steps (a<sub>t</sub>, b<sub>t</sub>) of a recurrence given as two arrays. */
    public static java.util.List<Affine> steps(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a and b differ in length: " + a.length + " and " + b.length);
        }
        java.util.List<Affine> steps = new java.util.ArrayList<>(a.length);
        for (int t = 0; t < a.length; t++) {
            steps.add(new Affine(a[t], b[t]));
        }
        return steps;
    }

    /** h<sub>t</sub> = a<sub>t</sub>h<sub>t−1</sub> + b<sub>t</sub> from h<sub>−1</sub> = h0, by the plain loop: the ground truth. */
    public static double[] recurrence(double[] a, double[] b, double h0) {
        double[] h = new double[a.length];
        double state = h0;
        for (int t = 0; t < a.length; t++) {
            state = a[t] * state + b[t];
            h[t] = state;
        }
        return h;
    }

    /**
     * What a scan with the swapped operator computes: entry t is the recurrence run over the steps
     * t, t−1, ..., 0 in that (reversed) order from h = 0, evaluated at its end.
     */
    public static double[] reversedRecurrences(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int t = 0; t < a.length; t++) {
            double h = 0;
            for (int j = t; j >= 0; j--) {
                h = a[j] * h + b[j];
            }
            out[t] = h;
        }
        return out;
    }
}

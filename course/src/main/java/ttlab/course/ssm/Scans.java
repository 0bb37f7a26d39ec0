package ttlab.course.ssm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BinaryOperator;
import java.util.stream.IntStream;

/**
 * Inclusive scans: prefix[i] = x₀ ∘ x₁ ∘ … ∘ x<sub>i</sub> for an associative operator ∘, with
 * the earlier element always on the left (the operator need not be commutative).
 *
 * <p>Each scan reports its work (how many times it applied ∘) and its depth (how many rounds of
 * mutually independent applications it needs: the time on unboundedly many processors):
 * <ul>
 *   <li>{@link #sequential}: work L − 1, depth L − 1.</li>
 *   <li>{@link #hillisSteele} (Hillis &amp; Steele 1986): depth ⌈log₂L⌉, work Σ(L − 2<sup>k</sup>)
 *       ≈ L·log₂L — not work-efficient.</li>
 *   <li>{@link #blelloch} (Blelloch 1990): an up-sweep and a down-sweep over a balanced tree,
 *       depth 2·log₂M and work 2(M − 1) for L padded to a power of two M — work-efficient.</li>
 *   <li>{@link #parallel}: what a multi-core CPU does in practice: P chunks scanned in parallel,
 *       a short scan of the chunk totals, then each chunk fixed up in parallel.</li>
 * </ul>
 * Hillis–Steele and Blelloch are computed round by round, as a parallel machine would run them;
 * within a round the applications are independent.
 */
public final class Scans {

    private Scans() {
    }

    /**
     * A scan's prefixes and its cost.
     *
     * @param prefixes   prefix[i] = x₀ ∘ … ∘ x<sub>i</sub>
     * @param operations how many times ∘ was applied (the work)
     * @param depth      how many rounds of independent applications (the span)
     */
    public record Result<T>(List<T> prefixes, long operations, int depth) {
    }

    /** The plain loop: prefix[i] = prefix[i−1] ∘ x<sub>i</sub>. */
    public static <T> Result<T> sequential(List<T> xs, BinaryOperator<T> op) {
        Counting<T> counted = new Counting<>(op);
        List<T> prefixes = new ArrayList<>(xs.size());
        for (T x : xs) {
            prefixes.add(prefixes.isEmpty() ? x : counted.apply(prefixes.get(prefixes.size() - 1), x));
        }
        return new Result<>(prefixes, counted.count(), Math.max(0, xs.size() - 1));
    }

    /**
     * Hillis–Steele: in round k (offset 2<sup>k</sup>) every element with an index of at least
     * the offset becomes x[i − offset] ∘ x[i]; after ⌈log₂L⌉ rounds every prefix is complete.
     */
    public static <T> Result<T> hillisSteele(List<T> xs, BinaryOperator<T> op) {
        Counting<T> counted = new Counting<>(op);
        List<T> current = new ArrayList<>(xs);
        int rounds = 0;
        for (int offset = 1; offset < xs.size(); offset *= 2) {
            List<T> next = new ArrayList<>(current);
            for (int i = offset; i < current.size(); i++) {
                next.set(i, counted.apply(current.get(i - offset), current.get(i)));
            }
            current = next;
            rounds++;
        }
        return new Result<>(current, counted.count(), rounds);
    }

    /**
     * Blelloch's work-efficient scan. The input is padded with the identity to a power of two M.
     * The up-sweep leaves in each node of a balanced binary tree the combination of its subtree;
     * the down-sweep replaces the root by the identity and hands each left child its parent's
     * prefix and each right child (parent's prefix) ∘ (left sibling's total), which yields the
     * exclusive scan. The inclusive scan is that shifted by one, ending with the total.
     */
    public static <T> Result<T> blelloch(List<T> xs, BinaryOperator<T> op, T identity) {
        return blellochRounds(xs, op, identity, tree -> { }).result();
    }

    /**
     * Blelloch's scan with the whole array recorded after every round, to check its invariants.
     * The padded input sits in the array as the leaves of a balanced binary tree of height
     * K = log₂M; the node of height g over the leaves [j·2<sup>g</sup>, (j+1)·2<sup>g</sup>) is stored at
     * the block's last index (j+1)·2<sup>g</sup> − 1.
     *
     * @param padded    the input padded with the identity to M = 2<sup>K</sup> elements
     * @param upSweep   upSweep[k], k = 0..K: the array after k up-sweep rounds (upSweep[0] = padded)
     * @param downSweep downSweep[r], r = 0..K: the array after r down-sweep rounds; downSweep[0] is
     *                  the up-swept array with the root replaced by the identity, downSweep[K] the
     *                  exclusive scan
     * @param result    what {@link #blelloch} returns
     */
    public record Trace<T>(List<T> padded, List<List<T>> upSweep, List<List<T>> downSweep, Result<T> result) {

        /** M, the padded length. */
        public int size() {
            return padded.size();
        }

        /** K = log₂M, the number of rounds of each sweep. */
        public int levels() {
            return Math.max(0, upSweep.size() - 1);
        }
    }

    /** {@link #blelloch}, recording the array after every round of both sweeps; see {@link Trace}. */
    public static <T> Trace<T> blellochTrace(List<T> xs, BinaryOperator<T> op, T identity) {
        List<List<T>> snapshots = new ArrayList<>();
        Rounds<T> rounds = blellochRounds(xs, op, identity, tree -> snapshots.add(List.copyOf(tree)));
        int levels = rounds.depth() / 2;
        return new Trace<>(snapshots.isEmpty() ? List.of() : snapshots.get(0),
                List.copyOf(snapshots.subList(0, Math.min(snapshots.size(), levels + 1))),
                List.copyOf(snapshots.subList(Math.min(snapshots.size(), levels + 1), snapshots.size())),
                rounds.result());
    }

    /**
     * x<sub>from</sub> ∘ x<sub>from+1</sub> ∘ … ∘ x<sub>to−1</sub> by the plain loop, left to right; the identity when
     * {@code from == to}.
     */
    public static <T> T fold(List<T> xs, int from, int to, BinaryOperator<T> op, T identity) {
        if (from < 0 || to > xs.size() || from > to) {
            throw new IndexOutOfBoundsException("fold over [" + from + ", " + to + ") of " + xs.size() + " elements");
        }
        T acc = identity;
        for (int i = from; i < to; i++) {
            acc = op.apply(acc, xs.get(i));
        }
        return acc;
    }

    private record Rounds<T>(Result<T> result, int depth) {
    }

    /**
     * Blelloch's scan, handing the array to {@code observer} after padding, after every up-sweep
     * round, after the root is replaced by the identity and after every down-sweep round.
     */
    private static <T> Rounds<T> blellochRounds(List<T> xs, BinaryOperator<T> op, T identity,
                                                java.util.function.Consumer<List<T>> observer) {
        if (xs.isEmpty()) {
            return new Rounds<>(new Result<>(List.of(), 0, 0), 0);
        }
        Counting<T> counted = new Counting<>(op);
        int size = Integer.highestOneBit(Math.max(1, xs.size() - 1)) * (xs.size() > 1 ? 2 : 1);
        List<T> tree = new ArrayList<>(xs);
        tree.addAll(Collections.nCopies(size - xs.size(), identity));
        observer.accept(tree);
        int rounds = 0;
        for (int stride = 1; stride < size; stride *= 2) {                 // up-sweep
            for (int i = 2 * stride - 1; i < size; i += 2 * stride) {
                tree.set(i, counted.apply(tree.get(i - stride), tree.get(i)));
            }
            rounds++;
            observer.accept(tree);
        }
        T total = tree.get(size - 1);
        tree.set(size - 1, identity);
        observer.accept(tree);
        for (int stride = size / 2; stride >= 1; stride /= 2) {            // down-sweep
            for (int i = 2 * stride - 1; i < size; i += 2 * stride) {
                T left = tree.get(i - stride);
                tree.set(i - stride, tree.get(i));
                tree.set(i, counted.apply(tree.get(i), left));
            }
            rounds++;
            observer.accept(tree);
        }
        List<T> inclusive = new ArrayList<>(tree.subList(1, xs.size()));
        inclusive.add(xs.size() == size ? total : tree.get(xs.size()));
        return new Rounds<>(new Result<>(inclusive, counted.count(), rounds), rounds);
    }

    /**
     * A parallel scan on the common fork-join pool: the input is cut into {@code chunks}
     * contiguous pieces; each is scanned on its own (in parallel), the chunk totals are scanned
     * in order, and each chunk's prefixes are then combined with the total of everything before
     * it (in parallel). Work ≈ 2L, depth ≈ 2L/P + P.
     */
    public static <T> Result<T> parallel(List<T> xs, BinaryOperator<T> op, int chunks) {
        if (chunks < 1) {
            throw new IllegalArgumentException("chunks must be >= 1, got " + chunks);
        }
        int n = xs.size();
        if (n == 0) {
            return new Result<>(List.of(), 0, 0);
        }
        Counting<T> counted = new Counting<>(op);
        int parts = Math.min(chunks, n);
        int[] start = IntStream.rangeClosed(0, parts).map(p -> (int) ((long) p * n / parts)).toArray();
        List<List<T>> local = IntStream.range(0, parts).parallel()
                .mapToObj(p -> sequentialLoop(xs.subList(start[p], start[p + 1]), counted))
                .toList();
        List<T> carry = new ArrayList<>(parts);      // carry[p] = everything before chunk p
        carry.add(null);
        for (int p = 1; p < parts; p++) {
            T lastTotal = local.get(p - 1).get(local.get(p - 1).size() - 1);
            carry.add(p == 1 ? lastTotal : counted.apply(carry.get(p - 1), lastTotal));
        }
        List<List<T>> fixed = IntStream.range(0, parts).parallel()
                .mapToObj(p -> p == 0 ? local.get(0)
                        : local.get(p).stream().map(x -> counted.apply(carry.get(p), x)).toList())
                .toList();
        List<T> prefixes = new ArrayList<>(n);
        fixed.forEach(prefixes::addAll);
        int longest = IntStream.range(0, parts).map(p -> start[p + 1] - start[p]).max().orElse(0);
        int depth = (longest - 1) + Math.max(0, parts - 2) + (parts > 1 ? 1 : 0);
        return new Result<>(prefixes, counted.count(), depth);
    }

    /**
     * The recurrence h<sub>t</sub> = a<sub>t</sub>h<sub>t−1</sub> + b<sub>t</sub>, h<sub>−1</sub> = 0,
     * from a scan's prefixes: h<sub>t</sub> is the b part of (a₀, b₀) ∘ … ∘ (a<sub>t</sub>, b<sub>t</sub>).
     */
    public static double[] states(Result<Affine> scan) {
        return scan.prefixes().stream().mapToDouble(Affine::b).toArray();
    }

    private static <T> List<T> sequentialLoop(List<T> xs, BinaryOperator<T> op) {
        List<T> prefixes = new ArrayList<>(xs.size());
        for (T x : xs) {
            prefixes.add(prefixes.isEmpty() ? x : op.apply(prefixes.get(prefixes.size() - 1), x));
        }
        return prefixes;
    }

    /** An operator that counts its applications (thread-safe). */
    private static final class Counting<T> implements BinaryOperator<T> {
        private final BinaryOperator<T> op;
        private final LongAdder count = new LongAdder();

        Counting(BinaryOperator<T> op) {
            this.op = op;
        }

        @Override
        public T apply(T earlier, T later) {
            count.increment();
            return op.apply(earlier, later);
        }

        long count() {
            return count.sum();
        }
    }

    /**
     * Work and depth of the three scans on the steps (a<sub>t</sub>, b<sub>t</sub>), and the largest
     * gap of their states to the plain loop {@link Affine#recurrence}.
     */
    public record Costs(int length, long sequentialWork, int sequentialDepth, long hillisSteeleWork, int hillisSteeleDepth,
                        long blellochWork, int blellochDepth, double maxStateError) {
    }

    /** Runs the sequential, Hillis–Steele and Blelloch scans on the recurrence's steps and counts. */
    public static Costs costs(double[] a, double[] b) {
        List<Affine> steps = Affine.steps(a, b);
        double[] exact = Affine.recurrence(a, b, 0);
        Result<Affine> seq = sequential(steps, Affine.COMBINE);
        Result<Affine> hs = hillisSteele(steps, Affine.COMBINE);
        Result<Affine> bl = blelloch(steps, Affine.COMBINE, Affine.IDENTITY);
        double error = 0;
        for (Result<Affine> r : List.of(seq, hs, bl)) {
            double[] h = states(r);
            for (int t = 0; t < h.length; t++) {
                error = Math.max(error, Math.abs(h[t] - exact[t]));
            }
        }
        return new Costs(a.length, seq.operations(), seq.depth(), hs.operations(), hs.depth(), bl.operations(), bl.depth(), error);
    }

    /**
     * Blelloch's scan checked at every position after every round (lecture 05a, section 6), against
     * the plain loop {@link #fold}:
     * <ul>
     *   <li>lemma: after r up-sweep rounds, A[p] = x<sub>[p+1−w, p+1)</sub> with w = min(2<sup>ν(p)</sup>, 2<sup>r</sup>);</li>
     *   <li>theorem: after r down-sweep rounds, with w = M/2<sup>r</sup>, A[p] = E<sub>p+1−w</sub> if w divides p + 1,
     *       else the up-sweep total x<sub>[p+1−2<sup>ν(p)</sup>, p+1)</sub>;</li>
     *   <li>the exchanged down-sweep step x<sub>[a, a+w)</sub> ∘ E<sub>a</sub> at every node with 0 &lt; a &lt; L, and how
     *       far it lands from what the round wrote.</li>
     * </ul>
     *
     * @param positionsChecked  positions compared, both sweeps, all rounds
     * @param maxLemmaGap       the largest {@link Affine#distance} to the lemma
     * @param maxTheoremGap     the largest distance to the theorem
     * @param exchangedNodes    nodes where the exchanged step was tried
     * @param minExchangedGap   the smallest distance of the exchanged step to the right value (∞ when none)
     * @param padded            M, the length padded to a power of two
     * @param states            the scan's states h<sub>t</sub>
     */
    public record InvariantCheck(long positionsChecked, double maxLemmaGap, double maxTheoremGap, long exchangedNodes,
                                 double minExchangedGap, int padded, double[] states) {
    }

    /** Checks the lemma and the theorem for the recurrence's steps (a<sub>t</sub>, b<sub>t</sub>). */
    public static InvariantCheck blellochInvariants(double[] a, double[] b) {
        Trace<Affine> trace = blellochTrace(Affine.steps(a, b), Affine.COMBINE, Affine.IDENTITY);
        List<Affine> x = trace.padded();
        int size = trace.size(), length = a.length;
        double worstUp = 0, worstDown = 0, smallestExchanged = Double.POSITIVE_INFINITY;
        long positions = 0, exchanged = 0;
        for (int r = 0; r <= trace.levels(); r++) {
            int up = 1 << r, w = size >> r;
            for (int p = 0; p < size; p++, positions += 2) {
                int low = Integer.lowestOneBit(p + 1);
                boolean node = (p + 1) % w == 0;
                Affine lemma = fold(x, p + 1 - Math.min(low, up), p + 1, Affine.COMBINE, Affine.IDENTITY);
                Affine theorem = fold(x, node ? 0 : p + 1 - low, node ? p + 1 - w : p + 1, Affine.COMBINE, Affine.IDENTITY);
                worstUp = Math.max(worstUp, trace.upSweep().get(r).get(p).distance(lemma));
                worstDown = Math.max(worstDown, trace.downSweep().get(r).get(p).distance(theorem));
                int start = p + 1 - 2 * w;                       // if p is a node v of round r: its block starts here
                if (r > 0 && (p + 1) % (2 * w) == 0 && start > 0 && start < length) {
                    Affine swapped = trace.downSweep().get(r - 1).get(p - w).then(trace.downSweep().get(r - 1).get(p));
                    smallestExchanged = Math.min(smallestExchanged, swapped.distance(trace.downSweep().get(r).get(p)));
                    exchanged++;
                }
            }
        }
        return new InvariantCheck(positions, worstUp, worstDown, exchanged, smallestExchanged, size, states(trace.result()));
    }

    /**
     * h<sub>t</sub> = a<sub>t</sub>h<sub>t−1</sub> + b<sub>t</sub> (h<sub>−1</sub> = 0) by the three-phase chunked scan on
     * primitive arrays, chunks in parallel on the common pool: (1) each chunk's total map (α, β);
     * (2) a sequential scan over the chunks for the state entering each; (3) each chunk run from
     * its entering state. About 2L operations.
     */
    public static double[] chunkedRecurrence(double[] a, double[] b, int chunks) {
        int n = a.length;
        if (chunks < 1 || chunks > Math.max(1, n)) {
            throw new IllegalArgumentException("chunks must be in 1.." + n + ", got " + chunks);
        }
        int[] start = java.util.stream.IntStream.rangeClosed(0, chunks).map(c -> (int) ((long) c * n / chunks)).toArray();
        double[] alpha = new double[chunks], beta = new double[chunks];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            double al = 1, be = 0;
            for (int t = start[c]; t < start[c + 1]; t++) {
                al = a[t] * al;
                be = a[t] * be + b[t];
            }
            alpha[c] = al;
            beta[c] = be;
        });
        double[] entering = new double[chunks];
        for (int c = 1; c < chunks; c++) {
            entering[c] = alpha[c - 1] * entering[c - 1] + beta[c - 1];
        }
        double[] h = new double[n];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            double state = entering[c];
            for (int t = start[c]; t < start[c + 1]; t++) {
                state = a[t] * state + b[t];
                h[t] = state;
            }
        });
        return h;
    }
}

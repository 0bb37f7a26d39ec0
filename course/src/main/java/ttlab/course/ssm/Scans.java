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
        if (xs.isEmpty()) {
            return new Result<>(List.of(), 0, 0);
        }
        Counting<T> counted = new Counting<>(op);
        int size = Integer.highestOneBit(Math.max(1, xs.size() - 1)) * (xs.size() > 1 ? 2 : 1);
        List<T> tree = new ArrayList<>(xs);
        tree.addAll(Collections.nCopies(size - xs.size(), identity));
        int rounds = 0;
        for (int stride = 1; stride < size; stride *= 2) {                 // up-sweep
            for (int i = 2 * stride - 1; i < size; i += 2 * stride) {
                tree.set(i, counted.apply(tree.get(i - stride), tree.get(i)));
            }
            rounds++;
        }
        T total = tree.get(size - 1);
        tree.set(size - 1, identity);
        for (int stride = size / 2; stride >= 1; stride /= 2) {            // down-sweep
            for (int i = 2 * stride - 1; i < size; i += 2 * stride) {
                T left = tree.get(i - stride);
                tree.set(i - stride, tree.get(i));
                tree.set(i, counted.apply(tree.get(i), left));
            }
            rounds++;
        }
        List<T> inclusive = new ArrayList<>(tree.subList(1, xs.size()));
        inclusive.add(xs.size() == size ? total : tree.get(xs.size()));
        return new Result<>(inclusive, counted.count(), rounds);
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
}

package ttlab.course.ssm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScansTest {

    /** The four scans, by name, with the affine identity where one is needed. */
    private static final List<Algorithm> ALGORITHMS = List.of(
            new Algorithm("sequential", (xs, op) -> Scans.sequential(xs, op)),
            new Algorithm("Hillis-Steele", (xs, op) -> Scans.hillisSteele(xs, op)),
            new Algorithm("Blelloch", (xs, op) -> Scans.blelloch(xs, op, Affine.IDENTITY)),
            new Algorithm("parallel, 4 chunks", (xs, op) -> Scans.parallel(xs, op, 4)));

    private record Algorithm(String name, java.util.function.BiFunction<List<Affine>, BinaryOperator<Affine>, Scans.Result<Affine>> scan) {
    }

    @Test
    void theOperatorIsAssociativeOnRandomTriples() {
        Random random = new Random(1);
        for (int trial = 0; trial < 1000; trial++) {
            Affine x = randomStep(random), y = randomStep(random), z = randomStep(random);
            Affine left = x.then(y).then(z);
            Affine right = x.then(y.then(z));
            assertThat(left.a()).isCloseTo(right.a(), within(1e-12));
            assertThat(left.b()).isCloseTo(right.b(), within(1e-12));
        }
    }

    @Test
    void oneZeroIsItsIdentity() {
        Random random = new Random(2);
        for (int trial = 0; trial < 100; trial++) {
            Affine x = randomStep(random);
            assertThat(Affine.IDENTITY.then(x)).isEqualTo(x);
            assertThat(x.then(Affine.IDENTITY)).isEqualTo(x);
        }
    }

    @Test
    void theOperatorIsNotCommutative() {
        Affine first = new Affine(2, 1), second = new Affine(3, 1);
        assertThat(first.then(second)).isEqualTo(new Affine(6, 4));   // h ↦ 3(2h + 1) + 1
        assertThat(second.then(first)).isEqualTo(new Affine(6, 3));   // h ↦ 2(3h + 1) + 1
    }

    @Test
    void composingStepsAppliesThemInOrder() {
        Random random = new Random(3);
        for (int trial = 0; trial < 100; trial++) {
            Affine x = randomStep(random), y = randomStep(random);
            double h = random.nextGaussian();
            assertThat(x.then(y).apply(h)).isCloseTo(y.apply(x.apply(h)), within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 64, 100, 257})
    void everyScanReproducesTheRecurrence(int length) {
        double[] a = randomArray(length, new Random(length), 0.5, 1.0);
        double[] b = randomArray(length, new Random(length + 1000), -1, 1);
        double[] expected = Affine.recurrence(a, b, 0);
        for (Algorithm algorithm : ALGORITHMS) {
            double[] states = Scans.states(algorithm.scan().apply(Affine.steps(a, b), Affine.COMBINE));
            assertThat(states).as(algorithm.name()).containsExactly(expected, within(1e-12));
        }
    }

    @Test
    void prefixesApplyToAnyInitialState() {
        double[] a = {0.9, 0.5, 1.2, 0.7}, b = {1, -2, 0.5, 3};
        double h0 = 4.0;
        double[] expected = Affine.recurrence(a, b, h0);
        List<Affine> prefixes = Scans.blelloch(Affine.steps(a, b), Affine.COMBINE, Affine.IDENTITY).prefixes();
        for (int t = 0; t < a.length; t++) {
            assertThat(prefixes.get(t).apply(h0)).isCloseTo(expected[t], within(1e-12));
        }
    }

    /** The order of the operands matters: with them swapped every scan computes the wrong states. */
    @Test
    void theSwappedOperatorGivesWrongStates() {
        Random random = new Random(4);
        double[] a = randomArray(50, random, 0.5, 1.0);
        double[] b = randomArray(50, random, -1, 1);
        double[] expected = Affine.recurrence(a, b, 0);
        for (Algorithm algorithm : ALGORITHMS) {
            double[] swapped = Scans.states(algorithm.scan().apply(Affine.steps(a, b), Affine.SWAPPED));
            double worst = 0;
            for (int t = 0; t < expected.length; t++) {
                worst = Math.max(worst, Math.abs(swapped[t] - expected[t]));
            }
            assertThat(worst).as(algorithm.name() + " with the swapped operator").isGreaterThan(0.1);
        }
    }

    /** String concatenation: associative, not commutative, and easy to read. */
    @Test
    void scansKeepTheOrderOfANonCommutativeOperator() {
        List<String> letters = List.of("a", "b", "c", "d", "e", "f", "g");
        List<String> expected = List.of("a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg");
        BinaryOperator<String> concat = String::concat;
        assertThat(Scans.sequential(letters, concat).prefixes()).isEqualTo(expected);
        assertThat(Scans.hillisSteele(letters, concat).prefixes()).isEqualTo(expected);
        assertThat(Scans.blelloch(letters, concat, "").prefixes()).isEqualTo(expected);
        assertThat(Scans.parallel(letters, concat, 3).prefixes()).isEqualTo(expected);
    }

    @Test
    void workAndDepthAreThoseOfEachAlgorithm() {
        int length = 1024;                                  // a power of two: exact formulas
        List<Affine> steps = Affine.steps(randomArray(length, new Random(5), 0.5, 1), randomArray(length, new Random(6), -1, 1));

        Scans.Result<Affine> sequential = Scans.sequential(steps, Affine.COMBINE);
        assertThat(sequential.operations()).isEqualTo(length - 1);
        assertThat(sequential.depth()).isEqualTo(length - 1);

        Scans.Result<Affine> hillisSteele = Scans.hillisSteele(steps, Affine.COMBINE);
        long expectedWork = 0;
        for (int offset = 1; offset < length; offset *= 2) {
            expectedWork += length - offset;
        }
        assertThat(hillisSteele.operations()).isEqualTo(expectedWork);   // = L·log₂L − (L − 1)
        assertThat(hillisSteele.depth()).isEqualTo(10);

        Scans.Result<Affine> blelloch = Scans.blelloch(steps, Affine.COMBINE, Affine.IDENTITY);
        assertThat(blelloch.operations()).isEqualTo(2L * (length - 1));
        assertThat(blelloch.depth()).isEqualTo(20);

        Scans.Result<Affine> parallel = Scans.parallel(steps, Affine.COMBINE, 8);
        assertThat(parallel.operations()).isLessThanOrEqualTo(2L * length);
        assertThat(parallel.depth()).isEqualTo((128 - 1) + 6 + 1);
    }

    @Test
    void blellochPadsLengthsThatAreNotPowersOfTwo() {
        Scans.Result<Affine> result = Scans.blelloch(Affine.steps(new double[5], new double[5]), Affine.COMBINE, Affine.IDENTITY);
        assertThat(result.prefixes()).hasSize(5);
        assertThat(result.operations()).isEqualTo(2L * (8 - 1));       // padded to 8
        assertThat(result.depth()).isEqualTo(6);
    }

    @Test
    void emptyInputsGiveEmptyScans() {
        for (Algorithm algorithm : ALGORITHMS) {
            assertThat(algorithm.scan().apply(List.of(), Affine.COMBINE).prefixes()).as(algorithm.name()).isEmpty();
        }
    }

    /** String concatenation: associative, identity "", not commutative, and exact. */
    private static final BinaryOperator<String> CONCAT = String::concat;

    private static List<String> letters(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> String.valueOf((char) ('a' + i % 26))).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 16, 33})
    void theTraceHoldsTheUpSweepAndDownSweepInvariantsAtEveryLevel(int length) {
        List<String> xs = letters(length);
        Scans.Trace<String> trace = Scans.blellochTrace(xs, CONCAT, "");
        int size = trace.size(), levels = trace.levels();
        assertThat(Integer.bitCount(size)).isEqualTo(1);
        assertThat(size).isGreaterThanOrEqualTo(length).isLessThan(2 * length);
        assertThat(1 << levels).isEqualTo(size);
        assertThat(trace.upSweep()).hasSize(levels + 1);
        assertThat(trace.downSweep()).hasSize(levels + 1);
        assertThat(trace.upSweep().get(0)).isEqualTo(trace.padded());
        List<String> padded = trace.padded();
        for (int k = 0; k <= levels; k++) {              // after k up-sweep rounds: blocks of up to 2^k leaves
            for (int p = 0; p < size; p++) {
                int width = Math.min(Integer.lowestOneBit(p + 1), 1 << k);
                assertThat(trace.upSweep().get(k).get(p)).as("up-sweep %d, index %d", k, p)
                        .isEqualTo(Scans.fold(padded, p + 1 - width, p + 1, CONCAT, ""));
            }
        }
        for (int r = 0; r <= levels; r++) {              // after r down-sweep rounds: nodes of height K − r hold their prefix
            int width = size >> r;
            for (int p = 0; p < size; p++) {
                String expected = (p + 1) % width == 0
                        ? Scans.fold(padded, 0, p + 1 - width, CONCAT, "")
                        : Scans.fold(padded, p + 1 - Integer.lowestOneBit(p + 1), p + 1, CONCAT, "");
                assertThat(trace.downSweep().get(r).get(p)).as("down-sweep %d, index %d", r, p).isEqualTo(expected);
            }
        }
        for (int p = 0; p < size; p++) {                 // the last level is the exclusive scan
            assertThat(trace.downSweep().get(levels).get(p)).isEqualTo(String.join("", padded.subList(0, p)));
        }
        assertThat(trace.result()).isEqualTo(Scans.blelloch(xs, CONCAT, ""));
        assertThat(trace.result().prefixes()).isEqualTo(Scans.sequential(xs, CONCAT).prefixes());
    }

    @Test
    void theTraceOfTheAffineScanEndsInTheExclusivePrefixesAndMatchesBlellochBitwise() {
        Random random = new Random(12);
        List<Affine> steps = Affine.steps(randomArray(100, random, 0.5, 1), randomArray(100, random, -1, 1));
        Scans.Trace<Affine> trace = Scans.blellochTrace(steps, Affine.COMBINE, Affine.IDENTITY);
        assertThat(trace.size()).isEqualTo(128);
        assertThat(trace.padded().subList(100, 128)).containsOnly(Affine.IDENTITY);
        assertThat(trace.result()).isEqualTo(Scans.blelloch(steps, Affine.COMBINE, Affine.IDENTITY));
        double[] h = Affine.recurrence(steps.stream().mapToDouble(Affine::a).toArray(), steps.stream().mapToDouble(Affine::b).toArray(), 0);
        List<Affine> exclusive = trace.downSweep().get(trace.levels());
        assertThat(exclusive.get(0)).isEqualTo(Affine.IDENTITY);
        for (int p = 1; p <= 100; p++) {
            assertThat(exclusive.get(p).b()).isCloseTo(h[p - 1], within(1e-12));
            assertThat(exclusive.get(p).distance(Scans.fold(steps, 0, p, Affine.COMBINE, Affine.IDENTITY))).isLessThan(1e-12);
        }
    }

    @Test
    void theTraceOfAnEmptyInputIsEmpty() {
        Scans.Trace<String> trace = Scans.blellochTrace(List.of(), CONCAT, "");
        assertThat(trace.size()).isZero();
        assertThat(trace.levels()).isZero();
        assertThat(trace.result().prefixes()).isEmpty();
    }

    @Test
    void foldCombinesARangeLeftToRight() {
        List<String> xs = letters(6);
        assertThat(Scans.fold(xs, 1, 4, CONCAT, "")).isEqualTo("bcd");
        assertThat(Scans.fold(xs, 3, 3, CONCAT, "")).isEmpty();
        assertThat(Scans.fold(Affine.steps(new double[] {2, 3}, new double[] {1, 1}), 0, 2, Affine.COMBINE, Affine.IDENTITY))
                .isEqualTo(new Affine(6, 4));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scans.fold(xs, 4, 2, CONCAT, ""))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void distanceIsTheLargerGapOfTheTwoParts() {
        assertThat(new Affine(1, 2).distance(new Affine(1.5, 1))).isEqualTo(1.0);
        assertThat(new Affine(1, 2).distance(new Affine(1, 2))).isZero();
    }

    private static Affine randomStep(Random random) {
        return new Affine(random.nextGaussian(), random.nextGaussian());
    }

    private static double[] randomArray(int n, Random random, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * random.nextDouble();
        }
        return v;
    }
}

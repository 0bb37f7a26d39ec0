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

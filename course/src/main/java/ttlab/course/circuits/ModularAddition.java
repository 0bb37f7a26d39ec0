package ttlab.course.circuits;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The task of Power et al. (2022) and Nanda et al. (2023): given a and b in 0..p−1, answer
 * (a + b) mod p. An input is the sequence (a, b, =) of three tokens, "=" being token p; input
 * number a·p + b stands for the pair (a, b), the numbering {@link ModularFourier} uses. A fixed
 * fraction of the p² pairs, drawn by a seeded shuffle, is the training set; the rest is the test set.
 *
 * @param p        the modulus (odd, so that the Fourier analysis applies)
 * @param train    the training inputs a·p + b, in increasing order
 * @param test     the other inputs, in increasing order
 * @param seed     the seed of the shuffle that drew the split
 */
public record ModularAddition(int p, int[] train, int[] test, long seed) {

    /** Splits the p² inputs: the first {@code round(fraction·p²)} of a seeded shuffle are for training. */
    public static ModularAddition split(int p, double fraction, long seed) {
        if (p < 3 || p % 2 == 0) {
            throw new IllegalArgumentException("the modulus must be odd and at least 3, not " + p);
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the training fraction must be in (0, 1), not " + fraction);
        }
        int[] all = IntStream.range(0, p * p).toArray();
        Random random = new Random(seed);
        for (int i = all.length - 1; i > 0; i--) {                 // Fisher–Yates
            int j = random.nextInt(i + 1);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int size = (int) Math.round(fraction * all.length);
        int[] train = Arrays.copyOf(all, size), test = Arrays.copyOfRange(all, size, all.length);
        Arrays.sort(train);
        Arrays.sort(test);
        return new ModularAddition(p, train, test, seed);
    }

    /** Every input 0..p²−1, in order. */
    public int[] all() {
        return IntStream.range(0, p * p).toArray();
    }

    /** The token "=" that ends every input; the model's vocabulary is 0..p. */
    public int equalsToken() {
        return p;
    }

    /** The answer (a + b) mod p of input a·p + b. */
    public int answer(int input) {
        return (input / p + input % p) % p;
    }

    /** The inputs as token sequences (a, b, =), an int array of shape (inputs × 3). */
    public NDArray tokens(NDManager manager, int[] inputs) {
        int[] flat = new int[3 * inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            flat[3 * i] = inputs[i] / p;
            flat[3 * i + 1] = inputs[i] % p;
            flat[3 * i + 2] = p;
        }
        return manager.create(flat, new Shape(inputs.length, 3));
    }

    /** The answers of the inputs, an int array. */
    public NDArray answers(NDManager manager, int[] inputs) {
        return manager.create(Arrays.stream(inputs).map(this::answer).toArray());
    }

    /** The fraction of all inputs that are for training. */
    public double trainFraction() {
        return (double) train.length / (p * p);
    }
}

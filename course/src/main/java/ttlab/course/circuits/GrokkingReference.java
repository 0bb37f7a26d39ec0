package ttlab.course.circuits;

import ai.djl.ndarray.NDManager;
import ttlab.course.train.Checkpoint;
import ttlab.course.train.TrainingParameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The reference run of lecture 04b: {@link Grokking.Setup#P59} trained from a recorded seed, its
 * key frequencies found from the trained embedding, the progress measures over the run, all saved
 * as one {@link Checkpoint} under {@code course/data/grokking/}. The lecture trains live and falls
 * back on this checkpoint when its own run has not grokked (or diverged) in the steps it has.
 *
 * <p>Make it again with
 * {@code ./mvnw -o -q -pl course exec:java -Dexec.mainClass=ttlab.course.circuits.GrokkingReference -Dexec.args="SEED STEPS"}
 * (without arguments: seed {@value #SEED}, {@value #STEPS} steps); runs are not bit-reproducible
 * across machines, so the curve will differ in detail.
 */
public final class GrokkingReference {

    /** The seed of the shipped run's initialization (the train/test split has its own, in the setup). */
    public static final long SEED = 1;
    /** The steps of the shipped run. */
    public static final int STEPS = 15_000;
    /** Key frequencies: the fewest that hold this share of the embedding's non-constant energy. */
    public static final double KEY_ENERGY = 0.9;
    /** Where the checkpoint lives on the class path (from {@code course/data/grokking/}). */
    public static final String RESOURCE = "/data/grokking/p59-reference.ckpt";

    private GrokkingReference() {
    }

    public static void main(String[] args) throws IOException {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : SEED;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : STEPS;
        Path out = Path.of(args.length > 2 ? args[2] : "course/data/grokking/p59-reference.ckpt");
        ttlab.course.train.EngineThreads.set(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingParameters params = new TrainingParameters(manager, seed);
            Grokking.Result result = Grokking.train(params, Grokking.Setup.P59.withSteps(steps));
            int[] keys = ModularFourier.keyFrequencies(ModularFourier.energies(result.model().embedding()), KEY_ENERGY);
            ProgressMeasures measures = result.monitor().progressMeasures(keys);
            Checkpoint.save(out, params, measures.addTo(result.run()));
            System.out.println(result.run().summary());
            System.out.println("test accuracy >= 0.99 after " + result.run().metric("test accuracy").firstStepAtLeast(0.99)
                    + " steps; key frequencies " + java.util.Arrays.toString(keys) + "; saved " + out.toAbsolutePath());
        }
    }

    /** The shipped checkpoint, its parameters on {@code manager}. */
    public static Checkpoint load(NDManager manager) throws IOException {
        Path copy = Files.createTempFile("grokking-reference", ".ckpt");
        try (InputStream in = GrokkingReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the class path: build the course module (./ttlab setup)");
            }
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return Checkpoint.load(copy, manager);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}

package ttlab.course.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks that a loss's gradients do not depend on native memory the garbage collector may free
 * between the forward and the backward pass (see {@link TrainingParameters#constant}): the
 * gradients are computed once plainly and once with a collection in between, after which freed
 * native memory is refilled with NaN, so that a backward pass reading it shows it.
 */
public final class CollectedBackward {

    private CollectedBackward() {
    }

    /** Asserts that every parameter gets the same finite gradient with and without a collection. */
    public static void assertGradientsSurviveCollection(TrainingParameters params, Supplier<NDArray> loss) {
        Map<String, float[]> plain = gradients(params, loss, false);
        Map<String, float[]> collected = gradients(params, loss, true);
        assertThat(plain).isNotEmpty();
        plain.forEach((name, gradient) -> {
            assertThat(gradient).as("plain gradient of %s", name).doesNotContain(Float.NaN);
            assertThat(collected.get(name)).as("gradient of %s after a collection", name)
                    .containsExactly(gradient, within(1e-5f));
        });
    }

    private static Map<String, float[]> gradients(TrainingParameters params, Supplier<NDArray> loss, boolean collect) {
        Map<String, float[]> gradients = new LinkedHashMap<>();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray value = loss.get();
            if (collect) {
                collectAndOverwriteFreedMemory();
            }
            collector.backward(value);
            params.all().forEach((name, weight) -> {
                try (NDArray gradient = weight.getGradient()) {
                    gradients.put(name, gradient.toFloatArray());
                }
            });
            collector.zeroGradients();
        }
        return gradients;
    }

    /** Runs the collector until freed direct buffers are released, then allocates NaN-filled ones over them. */
    private static void collectAndOverwriteFreedMemory() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);                      // the cleaner thread frees the buffers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ByteBuffer> filler = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(4 << (i % 4)).order(ByteOrder.nativeOrder());
            while (buffer.remaining() >= 4) {
                buffer.putFloat(Float.NaN);
            }
            filler.add(buffer);
        }
        assertThat(filler).hasSize(20_000);              // kept reachable until the backward pass has run
    }
}

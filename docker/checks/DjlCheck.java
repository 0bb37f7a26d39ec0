import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Checks DJL's PyTorch engine on the CPU: a matrix product computed by DJL equals the same
 * product computed in plain Java. Run by docker/Dockerfile's build stage with ENGINE_CACHE_DIR
 * set, which also unpacks the engine's native libraries there once for every user.
 *
 * <p>Exit status 0 when the products agree, 1 otherwise.
 */
public final class DjlCheck {
    private static final int ROWS = 8, INNER = 16, COLUMNS = 4;
    private static final double TOLERANCE = 1e-4;

    public static void main(String[] args) {
        Random random = new Random(20240601L);
        float[] a = randomMatrix(random, ROWS * INNER);
        float[] b = randomMatrix(random, INNER * COLUMNS);
        double[] expected = multiply(a, b);

        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray product = manager.create(a, new Shape(ROWS, INNER))
                    .matMul(manager.create(b, new Shape(INNER, COLUMNS)));
            float[] actual = product.toFloatArray();
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
            }
            Engine engine = Engine.getInstance();
            System.out.printf("DJL %s %s on %s: %dx%d by %dx%d product, largest difference from plain Java %.2e%n",
                    engine.getEngineName(), engine.getVersion(), product.getDevice(),
                    ROWS, INNER, INNER, COLUMNS, worst);
            if (!(worst <= TOLERANCE)) {
                System.err.println("DJL check failed: the products differ by more than " + TOLERANCE);
                System.exit(1);
            }
        }
    }

    private static float[] randomMatrix(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** Row-major (ROWS x INNER) times (INNER x COLUMNS), in double precision. */
    private static double[] multiply(float[] a, float[] b) {
        double[] c = new double[ROWS * COLUMNS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < COLUMNS; j++) {
                double sum = 0;
                for (int k = 0; k < INNER; k++) {
                    sum += (double) a[i * INNER + k] * b[k * COLUMNS + j];
                }
                c[i * COLUMNS + j] = sum;
            }
        }
        return c;
    }
}

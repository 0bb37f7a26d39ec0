package ttlab.course.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * A model's trainable parameters, by name, with a seeded initialization.
 *
 * <p>Each parameter draws its initial values from its own random stream, derived from the seed
 * and its name: the same seed gives the same model on any machine and engine, and adding a
 * parameter does not change the values of the others. Values are drawn in Java and copied into
 * float32 arrays that record gradients.
 */
public final class TrainingParameters {

    private final NDManager manager;
    private final long seed;
    private final Map<String, NDArray> byName = new LinkedHashMap<>();
    private final Map<Float, NDArray> constants = new HashMap<>();

    /** Parameters created on {@code manager} (which owns and closes them), initialized from {@code seed}. */
    public TrainingParameters(NDManager manager, long seed) {
        this.manager = manager;
        this.seed = seed;
    }

    /** A parameter with entries drawn from N(0, std²). */
    public NDArray normal(String name, Shape shape, double std) {
        SplittableRandom random = streamFor(name);
        return fill(name, shape, () -> std * random.nextGaussian());
    }

    /** A parameter with entries drawn uniformly from [low, high). */
    public NDArray uniform(String name, Shape shape, double low, double high) {
        SplittableRandom random = streamFor(name);
        return fill(name, shape, () -> low + (high - low) * random.nextDouble());
    }

    /** A parameter of zeros. */
    public NDArray zeros(String name, Shape shape) {
        return fill(name, shape, () -> 0.0);
    }

    /**
     * A parameter with given values (row-major), e.g. a construction to start from or to
     * compare with; a copy is taken.
     */
    public NDArray of(String name, Shape shape, float[] values) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("parameter '" + name + "': shape " + shape + " holds " + shape.size()
                    + " values, got " + values.length);
        }
        return register(name, manager.create(values, shape));
    }

    /**
     * A constant of the model as a scalar array that lives as long as the parameters (not trained,
     * not among {@link #all()}): the factor to multiply or divide by in a loss, e.g.
     * {@code scores.mul(params.constant(1 / Math.sqrt(headWidth)))}.
     *
     * <p>Why not {@code scores.div(Math.sqrt(headWidth))}: DJL's PyTorch engine wraps a Java number
     * given to an operation in a tensor over a direct buffer, closes the wrapper after the call and
     * leaves the buffer to the garbage collector. Autograd saves that tensor when the backward pass
     * needs it (the factor of a product or quotient, the other operand of a maximum), and a
     * collection between the forward and the backward pass makes the gradients read freed memory:
     * NaN losses or, worse, silently wrong gradients at random steps.
     */
    public NDArray constant(double value) {
        return constants.computeIfAbsent((float) value, v -> {
            NDArray constant = manager.create(v.floatValue());
            NDScope.unregister(constant);              // first asked for inside a step, it outlives the step
            return constant;
        });
    }

    /** The parameter called {@code name}. */
    public NDArray get(String name) {
        NDArray array = byName.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; the parameters are " + byName.keySet());
        }
        return array;
    }

    /** A 2-D parameter's current values as a double matrix, to read trained weights back. */
    public double[][] matrix(String name) {
        NDArray array = get(name);
        Shape shape = array.getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("parameter '" + name + "' has shape " + shape + ", not a matrix");
        }
        int rows = (int) shape.get(0);
        int cols = (int) shape.get(1);
        float[] flat = array.toType(DataType.FLOAT32, false).toFloatArray();
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = flat[i * cols + j];
            }
        }
        return m;
    }

    /** All parameters in the order they were created. */
    public Map<String, NDArray> all() {
        return Collections.unmodifiableMap(byName);
    }

    /** The number of trainable values (the model's N). */
    public long count() {
        return byName.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    public long seed() {
        return seed;
    }

    public NDManager manager() {
        return manager;
    }

    private NDArray fill(String name, Shape shape, DoubleSupplier value) {
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) value.getAsDouble();
        }
        return register(name, manager.create(values, shape));
    }

    private NDArray register(String name, NDArray array) {
        if (byName.containsKey(name)) {
            array.close();
            throw new IllegalArgumentException("a parameter called '" + name + "' exists already");
        }
        array.setName(name);
        array.setRequiresGradient(true);
        byName.put(name, array);
        return array;
    }

    /** The stream of one parameter: a fixed mix of the seed and the name (String.hashCode is specified). */
    private SplittableRandom streamFor(String name) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
    }
}

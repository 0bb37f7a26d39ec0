package ttlab.course.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A trained model on disk, in one format for the whole course: the parameters with their names
 * and the run that trained them (seed, steps, time, loss curve, metrics), in one file.
 *
 * <p>Layout: the line {@code ttlab-checkpoint 1}, the run as a length-prefixed UTF-8
 * {@link Properties} text, then the parameters as DJL's {@link NDList} encoding (names, shapes,
 * types, values). A file is written beside its target and moved into place, so an interrupted
 * save never leaves half a checkpoint.
 *
 * @param parameters the parameters, recording gradients again so that training can go on
 * @param run        the run that produced them
 */
public record Checkpoint(TrainingParameters parameters, TrainingRun run) {

    static final String MAGIC = "ttlab-checkpoint 1\n";

    /** Saves the parameters and their run to {@code file}. */
    public static void save(Path file, TrainingParameters parameters, TrainingRun run) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial));
             DataOutputStream data = new DataOutputStream(out)) {
            data.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            byte[] info = describe(run).getBytes(StandardCharsets.UTF_8);
            data.writeInt(info.length);
            data.write(info);
            // The parameters carry their names (TrainingParameters sets them); the list is not
            // closed, the arrays stay the caller's.
            new NDList(parameters.all().values()).encode(data);
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Loads a checkpoint; its parameters live on {@code manager}. */
    public static Checkpoint load(Path file, NDManager manager) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream data = new DataInputStream(in)) {
            byte[] magic = data.readNBytes(MAGIC.length());
            if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IOException(file + " is not a ttlab checkpoint (it does not start with '" + MAGIC.strip() + "')");
            }
            int length = data.readInt();
            if (length < 0 || length > 64 << 20) {
                throw new IOException(file + ": a run description of " + length + " bytes is not plausible; the file is damaged");
            }
            Properties info = new Properties();
            info.load(new StringReader(new String(data.readNBytes(length), StandardCharsets.UTF_8)));
            TrainingRun run = runFrom(info, file);
            TrainingParameters parameters = new TrainingParameters(manager, run.seed());
            NDList arrays = NDList.decode(manager, data);
            for (NDArray array : arrays) {
                float[] values = array.toType(DataType.FLOAT32, false).toFloatArray();
                parameters.of(array.getName(), array.getShape(), values);
                array.close();
            }
            return new Checkpoint(parameters, run);
        }
    }

    private static String describe(TrainingRun run) throws IOException {
        Properties info = new Properties();
        info.setProperty("seed", Long.toString(run.seed()));
        info.setProperty("plannedSteps", Integer.toString(run.plannedSteps()));
        info.setProperty("seconds", Double.toString(run.seconds()));
        info.setProperty("losses", join(run.losses()));
        run.divergence().ifPresent(d -> info.setProperty("divergence", d));
        info.setProperty("metrics", String.join("\n", run.metrics().keySet()));
        run.metrics().forEach((name, series) -> {
            info.setProperty("metric." + name + ".steps", Arrays.stream(series.steps()).mapToObj(Integer::toString).collect(Collectors.joining(",")));
            info.setProperty("metric." + name + ".values", join(series.values()));
        });
        StringWriter text = new StringWriter();
        info.store(text, null);
        return text.toString();
    }

    private static TrainingRun runFrom(Properties info, Path file) throws IOException {
        try {
            double[] losses = doubles(info.getProperty("losses", ""));
            float[] lossValues = new float[losses.length];
            for (int i = 0; i < losses.length; i++) {
                lossValues[i] = (float) losses[i];
            }
            Map<String, MetricSeries> metrics = new LinkedHashMap<>();
            String names = info.getProperty("metrics", "");
            for (String name : names.isEmpty() ? new String[0] : names.split("\n")) {
                int[] steps = Arrays.stream(doubles(info.getProperty("metric." + name + ".steps", ""))).mapToInt(d -> (int) d).toArray();
                metrics.put(name, new MetricSeries(name, steps, doubles(info.getProperty("metric." + name + ".values", ""))));
            }
            return new TrainingRun(Long.parseLong(required(info, "seed")), Integer.parseInt(required(info, "plannedSteps")),
                    Double.parseDouble(required(info, "seconds")), lossValues, metrics,
                    Optional.ofNullable(info.getProperty("divergence")));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": the run description is damaged: " + e.getMessage(), e);
        }
    }

    private static String required(Properties info, String key) {
        String value = info.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value;
    }

    /** Doubles as text that reads back exactly (Double.toString round-trips). */
    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static double[] doubles(String text) {
        return text.isEmpty() ? new double[0] : Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}

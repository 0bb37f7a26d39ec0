package ttlab.course.scaling;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The 245 training runs of Hoffmann et al. (2022), Figure 4, as digitized by Besiroglu et al. (2024)
 * (course/data/chinchilla, with its provenance in the README there).
 */
public final class ChinchillaData {

    static final String RESOURCE = "/data/chinchilla/svg_extracted_data.csv";

    /** One run: N parameters, C FLOP of training compute, its final loss; D = C / (6N) tokens. */
    public record Run(double parameters, double compute, double loss) {
        public double tokens() {
            return compute / (6 * parameters);
        }
    }

    private ChinchillaData() {
    }

    /** Every run, in the file's order. */
    public static List<Run> load() {
        Table table = table();
        DoubleColumn n = table.doubleColumn("Model Size");
        DoubleColumn c = table.doubleColumn("Training FLOP");
        DoubleColumn loss = table.doubleColumn("loss");
        Run[] runs = new Run[table.rowCount()];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = new Run(n.get(i), c.get(i), loss.get(i));
        }
        return List.of(runs);
    }

    /** The file as a Tablesaw table, with a column "tokens" = C / (6N) added. */
    public static Table table() {
        try (InputStream in = ChinchillaData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: build the course module (./ttlab setup)");
            }
            Table table = Table.read().csv(CsvReadOptions.builder(in).build()).setName("Chinchilla runs (Hoffmann et al. 2022, Fig. 4)");
            DoubleColumn n = table.numberColumn("Model Size").asDoubleColumn().setName("Model Size");
            DoubleColumn c = table.numberColumn("Training FLOP").asDoubleColumn().setName("Training FLOP");
            table.replaceColumn("Model Size", n);
            table.replaceColumn("Training FLOP", c);
            table.addColumns(c.divide(n.multiply(6)).setName("tokens"));
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The runs without the {@code count} of highest loss (Besiroglu et al. leave out five). */
    public static List<Run> withoutHighestLosses(List<Run> runs, int count) {
        if (count < 0 || count > runs.size()) {
            throw new IllegalArgumentException("cannot leave out " + count + " of " + runs.size() + " runs");
        }
        Run[] sorted = runs.toArray(Run[]::new);
        Arrays.sort(sorted, Comparator.comparingDouble(Run::loss));
        List<Run> kept = List.of(Arrays.copyOf(sorted, sorted.length - count));
        return runs.stream().filter(kept::contains).toList();
    }
}

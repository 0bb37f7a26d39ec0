package ttlab.grader.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How the class scored in one assignment: a histogram of percent of the maximum in ten bins of 10 points, from
 * 0–10 to 90–100, titled with how many submissions it shows and their median.
 *
 * <p>A submission that could earn nothing (maximum 0) has no percent and is left out. Each bin
 * holds its lower bound and not its upper one, except the last, which holds 100; a percent
 * above 100 (extra credit) counts in the last bin and one below 0 in the first.
 */
public final class ScorePlot {

    /** The file name written in the results folder for an assignment: {@code scores-<assignment>.png}. */
    public static String fileName(String assignment) {
        return "scores-" + assignment + ".png";
    }
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;
    static final int BINS = 10;

    private final String assignment;
    private final List<Double> percents;

    private ScorePlot(String assignment, List<Double> percents) {
        this.assignment = assignment;
        this.percents = percents;
    }

    /** The plot of the results of this assignment (results of other assignments are passed over). */
    public static ScorePlot of(String assignment, Collection<GradingResult> results) {
        List<Double> percents = new ArrayList<>();
        for (GradingResult result : results) {
            if (result.assignment().equals(assignment)) {
                result.total().percent().ifPresent(percents::add);
            }
        }
        Collections.sort(percents);
        return new ScorePlot(assignment, List.copyOf(percents));
    }

    /** How many submissions the plot shows. */
    public int count() {
        return percents.size();
    }

    /** The median percent; empty when there is none to plot. */
    public OptionalDouble median() {
        int n = percents.size();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double median = n % 2 == 1 ? percents.get(n / 2) : (percents.get(n / 2 - 1) + percents.get(n / 2)) / 2;
        return OptionalDouble.of(Score.round(median, 1));
    }

    /** Submissions per bin, from 0–10 to 90–100. */
    public List<Integer> counts() {
        int[] counts = new int[BINS];
        for (double percent : percents) {
            counts[Math.max(0, Math.min(BINS - 1, (int) Math.floor(percent / (100.0 / BINS))))]++;
        }
        List<Integer> list = new ArrayList<>();
        for (int count : counts) {
            list.add(count);
        }
        return list;
    }

    /** {@code "0-10"} to {@code "90-100"}: ASCII, so that any font on the machine can draw it. */
    public static List<String> binLabels() {
        List<String> labels = new ArrayList<>();
        int width = 100 / BINS;
        for (int i = 0; i < BINS; i++) {
            labels.add(i * width + "-" + (i + 1) * width);
        }
        return labels;
    }

    public String title() {
        String submissions = count() == 1 ? "1 submission" : count() + " submissions";
        return "Scores of " + assignment + ": " + submissions
                + median().stream().mapToObj(m -> ", median " + Score.format(m) + "%").findFirst().orElse("");
    }

    public CategoryChart chart() {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title())
                .xAxisTitle("percent of max").yAxisTitle("submissions").build();
        CategoryStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setAvailableSpaceFill(0.95);
        styler.setYAxisMin(0.0);
        // At least 1, so that a plot with no submissions still has an axis to draw.
        styler.setYAxisMax((double) Math.max(1, Collections.max(counts())));
        styler.setYAxisDecimalPattern("#.#");
        chart.addSeries("submissions", binLabels(), counts());
        return chart;
    }

    /** Writes {@code folder/scores-<assignment>.png} and returns its path. */
    public Path write(Path folder) throws IOException {
        Path file = folder.resolve(fileName(assignment));
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart(), out, BitmapFormat.PNG);
        }
        return file;
    }
}

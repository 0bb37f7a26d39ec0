package ttlab.grader.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The histogram of the class's scores. */
class ScorePlotTest {

    @Test
    void countsEachSubmissionInItsBin() {
        ScorePlot plot = ScorePlot.of("00-warmup", SampleResults.all());

        assertThat(plot.count()).as("bob and carol; alice's attention set is another plot").isEqualTo(2);
        assertThat(plot.counts()).as("60 and 71.4 percent").containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 0, 0);
        assertThat(ScorePlot.of("01-attention", SampleResults.all()).counts()).as("alice's 50 percent")
                .containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 0, 0);
        assertThat(ScorePlot.binLabels()).containsExactly("0-10", "10-20", "20-30", "30-40", "40-50",
                "50-60", "60-70", "70-80", "80-90", "90-100");
    }

    @Test
    void isTitledWithTheCountAndTheMedian() {
        ScorePlot plot = ScorePlot.of("00-warmup", SampleResults.all());

        assertThat(plot.median()).hasValue(65.7);
        assertThat(plot.title()).isEqualTo("Scores of 00-warmup: 2 submissions, median 65.7%");
        CategoryChart chart = plot.chart();
        assertThat(chart.getTitle()).isEqualTo(plot.title());
        assertThat(chart.getWidth()).isEqualTo(800);
        assertThat(chart.getHeight()).isEqualTo(500);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        ScorePlot plot = ScorePlot.of("m", List.of(result(0, 10), result(10, 10), result(3, 4), result(5, 10)));

        assertThat(plot.median()).hasValue(62.5);
        assertThat(plot.title()).isEqualTo("Scores of m: 4 submissions, median 62.5%");
        assertThat(plot.counts()).as("0, 50, 75, 100: 100 belongs to the last bin").containsExactly(1, 0, 0, 0, 0, 1, 0, 1, 0, 1);
    }

    @Test
    void leavesOutWhatCouldEarnNothingAndClampsExtraCredit() {
        ScorePlot plot = ScorePlot.of("m", List.of(result(1, 0), result(12, 10), result(1, 1)));

        assertThat(plot.count()).isEqualTo(2);
        assertThat(plot.counts().get(9)).isEqualTo(2);
        assertThat(plot.title()).isEqualTo("Scores of m: 2 submissions, median 110%");
        assertThat(ScorePlot.of("m", List.of(result(1, 0))).title()).isEqualTo("Scores of m: 0 submissions");
        assertThat(ScorePlot.of("m", List.of(result(1, 2))).title()).isEqualTo("Scores of m: 1 submission, median 50%");
        assertThat(ScorePlot.of("m", List.of()).median()).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void writesAPngOf800By500(@TempDir Path dir) throws Exception {
        Path file = ScorePlot.of("00-warmup", SampleResults.all()).write(dir);

        assertThat(file).isEqualTo(dir.resolve("scores-00-warmup.png"));
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("decodes as an image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
    }

    @Test
    void anEmptyPlotStillDraws(@TempDir Path dir) throws Exception {
        BufferedImage image = ImageIO.read(ScorePlot.of("m", List.of()).write(dir).toFile());

        assertThat(image.getWidth()).isEqualTo(800);
    }

    private static GradingResult result(double score, double max) {
        return new GradingResult("s", "m", score, max, OptionalDouble.empty(), "", List.of(), List.of(), List.of(), Optional.empty());
    }
}

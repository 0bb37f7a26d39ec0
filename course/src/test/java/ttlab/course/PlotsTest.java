package ttlab.course;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlotsTest {

    @Test
    void pointsAreDrawnAsMarkersWithoutALineEvenWhenThereAreMany() {
        XYChart chart = Plots.lines("t", "x", "y");
        double[] x = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        var series = Plots.addPoints(chart, "sample", x, x);
        assertThat(series.getXYSeriesRenderStyle()).isEqualTo(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        assertThat(series.getMarker()).isEqualTo(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
    }

    @Test
    void linesHoldTheSeriesInOrder() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("square", new double[] {0, 1, 4});
        series.put("cube", new double[] {0, 1, 8});
        XYChart chart = Plots.lines("powers", "x", "y", new double[] {0, 1, 2}, series);
        assertThat(chart.getSeriesMap().keySet()).containsExactly("square", "cube");
        assertThat(chart.getTitle()).isEqualTo("powers");
        assertThat(chart.getWidth()).isEqualTo(Plots.WIDTH);
    }

    @Test
    void aLogAxisDropsThePointsItCannotDraw() {
        XYChart chart = Plots.logY(Plots.lines("decay", "layer", "ratio"));
        Plots.addSeries(chart, "r", new double[] {0, 1, 2, 3}, new double[] {1, 0.1, 0, Double.NaN});
        assertThat(chart.getSeriesMap().get("r").getYData()).containsExactly(1.0, 0.1);
        XYChart linear = Plots.lines("t", "x", "y");
        Plots.addSeries(linear, "r", new double[] {0, 1, 2}, new double[] {1, 0, -1});
        assertThat(linear.getSeriesMap().get("r").getYData()).containsExactly(1.0, 0.0, -1.0);
        assertThatThrownBy(() -> Plots.addSeries(chart, "none", new double[] {1}, new double[] {-1}))
                .hasMessageContaining("no point");
        assertThatThrownBy(() -> Plots.addSeries(chart, "bad", new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("2 x values but 1 y values");
    }

    @Test
    void referenceLinesAreDashedWithoutMarkers() {
        XYChart chart = Plots.lines("t", "x", "y");
        var series = Plots.addReferenceLine(chart, "slope 1", new double[] {0, 1}, new double[] {0, 1});
        assertThat(series.getLineStyle()).isEqualTo(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        assertThat(series.getMarker()).isEqualTo(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        assertThat(Plots.logX(chart).getStyler().isXAxisLogarithmic()).isTrue();
    }

    @Test
    void heatmapColoursEachCellByItsValue() {
        double[][] m = {{0, 1}, {0.5, Double.NEGATIVE_INFINITY}};
        BufferedImage image = Plots.heatmap("m", m, "row", "column", 0, 1);
        int cell = 360 / 2 > 32 ? 32 : 360 / 2;
        // Cell centres: left margin 64, top margin 40 (row 0 at the top).
        assertThat(new Color(image.getRGB(64 + cell / 2, 40 + cell / 2))).isEqualTo(Plots.colour(0, 0, 1));
        assertThat(new Color(image.getRGB(64 + cell + cell / 2, 40 + cell / 2))).isEqualTo(Plots.colour(1, 0, 1));
        assertThat(new Color(image.getRGB(64 + cell / 2, 40 + cell + cell / 2))).isEqualTo(Plots.colour(0.5, 0, 1));
        assertThat(new Color(image.getRGB(64 + cell + cell / 2, 40 + cell + cell / 2))).isEqualTo(Color.LIGHT_GRAY);
    }

    @Test
    void theColourScaleRunsFromPurpleToYellow() {
        assertThat(Plots.colour(0, 0, 1)).isEqualTo(new Color(0x440154));
        assertThat(Plots.colour(1, 0, 1)).isEqualTo(new Color(0xfde725));
        assertThat(Plots.colour(-5, 0, 1)).isEqualTo(Plots.colour(0, 0, 1));
        assertThat(Plots.colour(7, 0, 1)).isEqualTo(Plots.colour(1, 0, 1));
    }

    @Test
    void rowPlacesPanelsSideBySide() {
        BufferedImage a = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        BufferedImage both = Plots.row(a, b, Plots.lines("t", "x", "y"));
        assertThat(both.getWidth()).isEqualTo(30 + 50 + Plots.WIDTH);
        assertThat(both.getHeight()).isEqualTo(Plots.HEIGHT);
        assertThatThrownBy(() -> Plots.row("not a plot")).hasMessageContaining("cannot draw a java.lang.String");
    }
}

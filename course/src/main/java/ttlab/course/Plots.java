package ttlab.course;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plots for the lectures: XChart line charts (linear or log axes) and matrix heatmaps. The kernel
 * shows an XChart chart or a {@link BufferedImage} as a PNG, so a cell can end with the plot.
 *
 * <pre>{@code
 * var chart = Plots.lines("Softmax weight of key 0", "temperature", "weight");
 * Plots.addSeries(chart, "key 0", temperatures, weights);
 * Plots.logX(chart)
 * }</pre>
 */
public final class Plots {

    /** Default chart width in pixels. */
    public static final int WIDTH = 640;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 440;

    private static final Color[] VIRIDIS = {
            new Color(0x440154), new Color(0x3b528b), new Color(0x21918c), new Color(0x5ec962), new Color(0xfde725)};

    private Plots() {
    }

    /** An empty line chart with its legend below the plot; add series with {@link #addSeries}. */
    public static XYChart lines(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        // Below the plot the legend never hides a curve.
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setMarkerSize(5);
        return chart;
    }

    /** A line chart of several named series over one x axis, in the map's iteration order. */
    public static XYChart lines(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series) {
        XYChart chart = lines(title, xTitle, yTitle);
        series.forEach((name, y) -> addSeries(chart, name, x, y));
        return chart;
    }

    /**
     * Adds a series, leaving out points that cannot be drawn: NaN or infinite values, and
     * non-positive values on a logarithmic axis (set the axis to log before adding).
     */
    public static XYSeries addSeries(XYChart chart, String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        boolean logX = chart.getStyler().isXAxisLogarithmic();
        boolean logY = chart.getStyler().isYAxisLogarithmic();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            boolean drawable = Double.isFinite(x[i]) && Double.isFinite(y[i]) && !(logX && x[i] <= 0) && !(logY && y[i] <= 0);
            if (drawable) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("series '" + name + "' has no point that can be drawn on these axes");
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        if (xs.size() > 40) {
            series.setMarker(SeriesMarkers.NONE);
        }
        return series;
    }

    /**
     * Adds data points: a scatter series with a small circle per point and no connecting line,
     * whatever the number of points (for a sample beside the curves fitted to it).
     */
    public static XYSeries addPoints(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = addSeries(chart, name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        return series;
    }

    /**
     * Adds a reference curve (a bound, a predicted slope): dashed, dark grey, without markers, so
     * that it stands apart from the measured series.
     */
    public static XYSeries addReferenceLine(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = addSeries(chart, name, x, y);
        series.setLineStyle(SeriesLines.DASH_DASH);
        series.setLineColor(Color.DARK_GRAY);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    /** Makes the y axis logarithmic (grid lines at powers of ten only); returns the chart for chaining. */
    public static XYChart logY(XYChart chart) {
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        return chart;
    }

    /** Makes the x axis logarithmic (grid lines at powers of ten only); returns the chart for chaining. */
    public static XYChart logX(XYChart chart) {
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        return chart;
    }

    /** A heatmap of a matrix with its colour scale running from its smallest to its largest entry. */
    public static BufferedImage heatmap(String title, double[][] values, String rowTitle, String columnTitle) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            min = 0;
            max = 1;
        }
        return heatmap(title, values, rowTitle, columnTitle, min, max);
    }

    /**
     * A heatmap of a matrix: row 0 at the top, as the matrix is written, with a colour bar from
     * {@code min} (dark purple) to {@code max} (yellow). Non-finite entries (a masked −∞) are grey.
     * Use the same min and max for heatmaps that should be compared, e.g. attention weights in [0, 1].
     */
    public static BufferedImage heatmap(String title, double[][] values, String rowTitle, String columnTitle,
                                        double min, double max) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException("a heatmap needs at least one row and one column");
        }
        int cell = Math.max(1, Math.min(32, 360 / Math.max(rows, cols)));
        int left = 64;
        int top = 40;
        int barGap = 16;
        int barWidth = 14;
        int width = left + cols * cell + barGap + barWidth + 70;
        int height = top + rows * cell + 56;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < rows; i++) {
                if (values[i].length != cols) {
                    throw new IllegalArgumentException("ragged matrix: rows of length " + cols + " and " + values[i].length);
                }
                for (int j = 0; j < cols; j++) {
                    double v = values[i][j];
                    g.setColor(Double.isFinite(v) ? colour(v, min, max) : Color.LIGHT_GRAY);
                    g.fillRect(left + j * cell, top + i * cell, cell, cell);
                }
            }
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1));
            g.drawRect(left, top, cols * cell, rows * cell);

            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            drawCentered(g, title, width / 2, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            drawTicks(g, rows, cols, cell, left, top);
            drawCentered(g, columnTitle, left + cols * cell / 2, top + rows * cell + 40);
            drawVertical(g, rowTitle, 16, top + rows * cell / 2);

            int barLeft = left + cols * cell + barGap;
            int barHeight = rows * cell;
            for (int y = 0; y < barHeight; y++) {
                double v = max - (max - min) * y / Math.max(1, barHeight - 1);
                g.setColor(colour(v, min, max));
                g.fillRect(barLeft, top + y, barWidth, 1);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawRect(barLeft, top, barWidth, barHeight);
            g.drawString(format(max), barLeft + barWidth + 4, top + 10);
            g.drawString(format(min), barLeft + barWidth + 4, top + barHeight);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Charts and images side by side in one image, top-aligned, e.g. heatmaps at three bandwidths. */
    public static BufferedImage row(Object... panels) {
        List<BufferedImage> images = new ArrayList<>();
        for (Object panel : panels) {
            images.add(toImage(panel));
        }
        int width = images.stream().mapToInt(BufferedImage::getWidth).sum();
        int height = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage out = new BufferedImage(Math.max(1, width), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), height);
            int x = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, x, 0, null);
                x += image.getWidth();
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The colour the heatmaps give to {@code v} on the scale [min, max] (viridis-like). */
    public static Color colour(double v, double min, double max) {
        double t = max > min ? (v - min) / (max - min) : 0.5;
        t = Math.max(0, Math.min(1, t));
        double position = t * (VIRIDIS.length - 1);
        int k = Math.min(VIRIDIS.length - 2, (int) Math.floor(position));
        double f = position - k;
        Color a = VIRIDIS[k];
        Color b = VIRIDIS[k + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static BufferedImage toImage(Object panel) {
        if (panel instanceof BufferedImage) {
            return (BufferedImage) panel;
        }
        if (panel instanceof Chart) {
            return BitmapEncoder.getBufferedImage((Chart<?, ?>) panel);
        }
        throw new IllegalArgumentException("cannot draw a " + (panel == null ? "null" : panel.getClass().getName())
                + ": pass XChart charts or BufferedImages");
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static void drawTicks(Graphics2D g, int rows, int cols, int cell, int left, int top) {
        FontMetrics fm = g.getFontMetrics();
        int rowStep = tickStep(rows, cell, fm.getHeight());
        for (int i = 0; i < rows; i += rowStep) {
            String label = Integer.toString(i);
            g.drawString(label, left - 6 - fm.stringWidth(label), top + i * cell + cell / 2 + fm.getAscent() / 2 - 1);
        }
        int colStep = tickStep(cols, cell, fm.stringWidth(Integer.toString(cols)) + 6);
        for (int j = 0; j < cols; j += colStep) {
            drawCentered(g, Integer.toString(j), left + j * cell + cell / 2, top + rows * cell + 16);
        }
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... that leaves room for each tick's label. */
    private static int tickStep(int count, int cell, int labelSize) {
        int[] mantissas = {1, 2, 5};
        for (int scale = 1; scale <= Math.max(1, count); scale *= 10) {
            for (int m : mantissas) {
                if (m * scale * cell >= labelSize) {
                    return m * scale;
                }
            }
        }
        return Math.max(1, count);
    }

    private static void drawCentered(Graphics2D g, String text, int x, int baseline) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    private static void drawVertical(Graphics2D g, String text, int x, int centreY) {
        if (text == null || text.isEmpty()) {
            return;
        }
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(text, -centreY - g.getFontMetrics().stringWidth(text) / 2, x + g.getFontMetrics().getAscent() / 2);
        g.setTransform(saved);
    }

    private static String format(double v) {
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e4) ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}

package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Shows any XChart chart as a PNG at the chart's own size, with a one-line
 * text/plain summary for front ends that cannot show images.
 */
public final class ChartRenderer {
    private ChartRenderer() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void register(Renderer renderer) {
        // Registered on the abstract base so XYChart, CategoryChart, PieChart, ... all match.
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((chart, context) -> render((Chart<?, ?>) chart, context));
    }

    public static void render(Chart<?, ?> chart, RenderContext context) {
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> Png.base64(BitmapEncoder.getBufferedImage(chart)));
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describe(chart));
    }

    /** E.g. {@code XYChart 600x400 'Loss'}; the title part is left out when there is none. */
    public static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle();
        String summary = chart.getClass().getSimpleName() + " " + chart.getWidth() + "x" + chart.getHeight();
        return title == null || title.isBlank() ? summary : summary + " '" + title + "'";
    }
}

package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.kernel.display.KernelRenderer.IEND_CHUNK;

class ChartRendererTest {
    private final Renderer renderer = KernelRenderer.create();

    private static XYChart lossChart() {
        XYChart chart = new XYChartBuilder().width(600).height(400).title("Loss").build();
        chart.addSeries("train", new double[] {0, 1, 2, 3}, new double[] {2.0, 1.1, 0.7, 0.5});
        return chart;
    }

    @Test
    void xyChartBecomesPngOfTheChartsSize() {
        DisplayData data = renderer.render(lossChart());

        assertThat(data.hasDataForType(MIMEType.IMAGE_PNG)).isTrue();
        BufferedImage image = KernelRenderer.decode(KernelRenderer.pngBytes(data));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void pngBytesAreCompleteDownToTheIendChunk() {
        byte[] png = KernelRenderer.pngBytes(renderer.render(lossChart()));

        assertThat(Arrays.copyOfRange(png, png.length - IEND_CHUNK.length, png.length)).isEqualTo(IEND_CHUNK);
    }

    @Test
    void textPlainIsAShortSummary() {
        assertThat(KernelRenderer.text(renderer.render(lossChart()))).isEqualTo("XYChart 600x400 'Loss'");
    }

    @Test
    void anyChartTypeIsCoveredAndAMissingTitleIsLeftOut() {
        PieChart pie = new PieChartBuilder().width(300).height(200).build();
        pie.addSeries("a", 1);
        pie.addSeries("b", 2);

        DisplayData data = renderer.render(pie);

        assertThat(KernelRenderer.text(data)).isEqualTo("PieChart 300x200");
        BufferedImage image = KernelRenderer.decode(KernelRenderer.pngBytes(data));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void askingForTextOnlyDoesNotPaintTheChart() {
        DisplayData data = renderer.renderAs(lossChart(), "text/plain");

        assertThat(data.hasDataForType(MIMEType.IMAGE_PNG)).isFalse();
        assertThat(KernelRenderer.text(data)).isEqualTo("XYChart 600x400 'Loss'");
    }
}

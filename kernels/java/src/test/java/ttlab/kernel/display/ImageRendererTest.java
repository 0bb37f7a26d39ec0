package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.kernel.display.KernelRenderer.IEND_CHUNK;

class ImageRendererTest {
    private final Renderer renderer = KernelRenderer.create();

    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 37 % 256) << 16 | (y * 91 % 256) << 8 | 0x40);
            }
        }
        return image;
    }

    private static byte[] pngOf(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void pngIsByteForByteWhatImageIoWrites_forEveryLengthModThree() throws IOException {
        Set<Integer> residues = new HashSet<>();
        for (int width = 1; width <= 12; width++) {
            BufferedImage image = gradient(width, 3);
            byte[] expected = pngOf(image);
            residues.add(expected.length % 3);

            byte[] png = KernelRenderer.pngBytes(renderer.render(image));

            assertThat(png).as("width %d", width).isEqualTo(expected);
            assertThat(Arrays.copyOfRange(png, png.length - 12, png.length)).isEqualTo(IEND_CHUNK);
        }
        // Only meaningful if base64 padding was exercised in all three cases.
        assertThat(residues).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void pixelsSurviveTheRoundTrip() {
        BufferedImage image = gradient(37, 11);

        BufferedImage back = KernelRenderer.decode(KernelRenderer.pngBytes(renderer.render(image)));

        assertThat(back.getWidth()).isEqualTo(37);
        assertThat(back.getHeight()).isEqualTo(11);
        assertThat(back.getRGB(5, 7)).isEqualTo(image.getRGB(5, 7));
        assertThat(back.getRGB(36, 10)).isEqualTo(image.getRGB(36, 10));
    }

    @Test
    void textPlainIsASummaryNotTheRasterDump() {
        assertThat(KernelRenderer.text(renderer.render(gradient(37, 11)))).isEqualTo("BufferedImage 37x11");
    }

    @Test
    void otherImageFormatsStillComeFromJjava() {
        DisplayData data = renderer.renderAs(gradient(8, 8), "image/jpeg");

        assertThat(data.hasDataForType(MIMEType.IMAGE_JPEG)).isTrue();
        assertThat(data.hasDataForType(MIMEType.IMAGE_PNG)).isFalse();
        assertThat(KernelRenderer.text(data)).isEqualTo("BufferedImage 8x8");
    }

    /**
     * Why {@link ImageRenderer} exists: jjava's Image alone drops trailing bytes.
     * If a jjava upgrade makes this fail, ImageRenderer may no longer be needed.
     */
    @Test
    void jjavaImageAloneTruncatesSomePngs() throws IOException {
        Renderer plain = new Renderer();
        Image.registerAll(plain);
        BufferedImage image = gradient(1, 3);
        byte[] expected = pngOf(image);
        int width = 1;
        while (expected.length % 3 == 0) {
            image = gradient(++width, 3);
            expected = pngOf(image);
        }

        byte[] png = KernelRenderer.pngBytes(plain.render(image));

        assertThat(png.length).isLessThan(expected.length);
    }
}

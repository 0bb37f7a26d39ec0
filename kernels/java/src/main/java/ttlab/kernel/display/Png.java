package ttlab.kernel.display;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Encodes an image as base64 PNG, the form Jupyter expects under image/png.
 * <p>
 * jjava 1.0-a6's {@code Image} writes through an unclosed {@code Base64} stream
 * and so drops the last one or two bytes (part of the IEND chunk) whenever the
 * PNG length is not a multiple of three; encoding the finished bytes avoids that.
 */
final class Png {
    private Png() {
    }

    static String base64(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer for " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}

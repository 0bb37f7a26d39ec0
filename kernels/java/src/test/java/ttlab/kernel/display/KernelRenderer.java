package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.common.Text;
import org.dflib.jjava.jupyter.kernel.display.common.Url;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** A renderer set up the way the kernel's is, plus helpers to read its output. */
final class KernelRenderer {
    /** The last 12 bytes of every well-formed PNG: the empty IEND chunk and its CRC. */
    static final byte[] IEND_CHUNK = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private KernelRenderer() {
    }

    /** As BaseKernel's constructor does, then the course renderers on top. */
    static Renderer create() {
        Renderer renderer = new Renderer();
        Image.registerAll(renderer);
        Url.registerAll(renderer);
        Text.registerAll(renderer);
        CourseRenderers.registerAll(renderer);
        return renderer;
    }

    static String html(DisplayData data) {
        return (String) data.getData(MIMEType.TEXT_HTML);
    }

    static String text(DisplayData data) {
        return (String) data.getData(MIMEType.TEXT_PLAIN);
    }

    static byte[] pngBytes(DisplayData data) {
        return Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
    }

    static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}

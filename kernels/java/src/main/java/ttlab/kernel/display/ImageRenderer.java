package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.awt.image.BufferedImage;

/**
 * Shows a {@link BufferedImage} as PNG with a short text/plain summary.
 * <p>
 * jjava's own {@code Image} renderer is registered on {@code RenderedImage}; this
 * one is registered on the more specific {@code BufferedImage}, which the
 * renderer's class walk reaches first. It exists because jjava's PNG bytes come
 * out truncated (see {@link Png}) and its text/plain is the long
 * {@code BufferedImage.toString()}. Other image kinds (JPEG, GIF, other
 * RenderedImages) are still served by jjava.
 */
public final class ImageRenderer {
    private ImageRenderer() {
    }

    public static void register(Renderer renderer) {
        // text/plain is listed as supported so that renderAs(img, "image/jpeg") still
        // reaches this function for the summary and then falls through to jjava for JPEG.
        renderer.createRegistration(BufferedImage.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register(ImageRenderer::render);
    }

    public static void render(BufferedImage image, RenderContext context) {
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> Png.base64(image));
        context.renderIfRequested(MIMEType.TEXT_PLAIN,
                () -> "BufferedImage " + image.getWidth() + "x" + image.getHeight());
    }
}

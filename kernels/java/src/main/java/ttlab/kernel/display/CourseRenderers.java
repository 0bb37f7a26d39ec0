package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * Adds the course's rich displays (charts, images, tables, arrays, records) to a
 * kernel's {@link Renderer}. Call once, after jjava's {@code BaseKernel} has
 * registered its own {@code Image}, {@code Url} and {@code Text} renderers;
 * these registrations are on other classes, so order does not matter.
 * {@link RichText} needs no registration: it renders itself.
 */
public final class CourseRenderers {
    private CourseRenderers() {
    }

    public static void registerAll(Renderer renderer) {
        ChartRenderer.register(renderer);
        ImageRenderer.register(renderer);
        TableRenderer.register(renderer);
        RecordRenderer.register(renderer);
        ArrayRenderer.register(renderer);
    }
}

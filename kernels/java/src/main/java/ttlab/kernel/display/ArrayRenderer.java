package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shows Java arrays as small HTML tables: a 1-D array as index → value rows,
 * an array of arrays as a matrix with row and column indices.
 * <p>
 * The renderer looks a value up by its exact class, then its interfaces and
 * superclasses. Array classes do not inherit from each other ({@code String[]}'s
 * superclass is {@code Object}, not {@code Object[]}), so the common array
 * classes are registered by name and every other array is caught by a
 * registration on {@code Object} that leaves non-arrays alone. The shape, not
 * the registration, decides between list and matrix, so {@code double[][]}
 * always gets the matrix.
 */
public final class ArrayRenderer {
    private static final Set<MIMEType> SUPPORTED = Set.of(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN);
    private static final Set<MIMEType> PREFERRED = Set.of(MIMEType.TEXT_HTML);

    private static final List<Class<?>> NAMED = List.of(
            double[].class, float[].class, int[].class, long[].class, boolean[].class, Object[].class,
            double[][].class, int[][].class);

    private ArrayRenderer() {
    }

    public static void register(Renderer renderer) {
        Set<Class<?>> types = new LinkedHashSet<>(NAMED);
        renderer.<Object>register(SUPPORTED, PREFERRED, types, ArrayRenderer::render);
        // Last stop of every class walk; only reached by values nothing else claimed.
        renderer.<Object>register(SUPPORTED, PREFERRED, Set.of(Object.class), (value, context) -> {
            if (value.getClass().isArray()) {
                render(value, context);
            }
        });
    }

    public static void render(Object array, RenderContext context) {
        boolean matrix = array.getClass().getComponentType().isArray();
        context.renderIfRequested(MIMEType.TEXT_HTML,
                () -> matrix ? ArrayHtml.matrix(array) : ArrayHtml.vector(array));
        context.renderIfRequested(MIMEType.TEXT_PLAIN,
                () -> matrix ? ArrayText.matrix(array) : ArrayText.vector(array, ArrayText.MAX_ITEMS));
    }
}

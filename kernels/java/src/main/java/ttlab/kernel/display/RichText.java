package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.Set;

/**
 * Shared rendering for {@link Html}, {@link Markdown} and {@link Latex}: the
 * source goes out unchanged under its rich type, and again as text/plain so a
 * console front end still shows something readable.
 */
final class RichText {
    private RichText() {
    }

    static Set<MIMEType> supported(MIMEType rich) {
        return Set.of(rich, MIMEType.TEXT_PLAIN);
    }

    static void render(RenderContext context, MIMEType rich, String source) {
        context.renderIfRequested(rich, () -> source);
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> source);
    }
}

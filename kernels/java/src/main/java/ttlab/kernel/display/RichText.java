package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayDataRenderable;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.Objects;
import java.util.Set;

/**
 * Text a frontend renders as such: HTML (not escaped: pass only markup you trust), Markdown or
 * LaTeX. The source also goes out as text/plain, so a console still shows something readable.
 * Notebooks write {@code display(html("<b>x</b>"))}, {@code display(latex("$$ x^2 $$"))}.
 */
public record RichText(MIMEType type, String source) implements DisplayDataRenderable {

    public RichText {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }

    public static RichText html(String source) {
        return new RichText(MIMEType.TEXT_HTML, source);
    }

    public static RichText markdown(String source) {
        return new RichText(MIMEType.TEXT_MARKDOWN, source);
    }

    public static RichText latex(String source) {
        return new RichText(MIMEType.TEXT_LATEX, source);
    }

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(type, MIMEType.TEXT_PLAIN);
    }

    @Override
    public Set<MIMEType> getPreferredRenderTypes() {
        return Set.of(type);
    }

    @Override
    public void render(RenderContext context) {
        context.renderIfRequested(type, () -> source);
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> source);
    }
}

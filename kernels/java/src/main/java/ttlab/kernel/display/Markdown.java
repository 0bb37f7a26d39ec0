package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayDataRenderable;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.Objects;
import java.util.Set;

/**
 * Markdown text, rendered by the front end.
 * A notebook passes it to {@code display(...)}, e.g. {@code display(Markdown.of("**bold**"))}.
 */
public record Markdown(String source) implements DisplayDataRenderable {
    private static final Set<MIMEType> SUPPORTED = RichText.supported(MIMEType.TEXT_MARKDOWN);
    private static final Set<MIMEType> PREFERRED = Set.of(MIMEType.TEXT_MARKDOWN);

    public Markdown {
        Objects.requireNonNull(source, "source");
    }

    public static Markdown of(String source) {
        return new Markdown(source);
    }

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return SUPPORTED;
    }

    @Override
    public Set<MIMEType> getPreferredRenderTypes() {
        return PREFERRED;
    }

    @Override
    public void render(RenderContext context) {
        RichText.render(context, MIMEType.TEXT_MARKDOWN, source);
    }
}

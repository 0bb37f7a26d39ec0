package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayDataRenderable;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.Objects;
import java.util.Set;

/**
 * HTML markup, shown as-is (not escaped)
 * A notebook passes it to {@code display(...)}, e.g. {@code display(Html.of( only pass markup you trust.:"<b>x</b>"))}.
 */
public record Html(String source) implements DisplayDataRenderable {
    private static final Set<MIMEType> SUPPORTED = RichText.supported(MIMEType.TEXT_HTML);
    private static final Set<MIMEType> PREFERRED = Set.of(MIMEType.TEXT_HTML);

    public Html {
        Objects.requireNonNull(source, "source");
    }

    public static Html of(String source) {
        return new Html(source);
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
        RichText.render(context, MIMEType.TEXT_HTML, source);
    }
}

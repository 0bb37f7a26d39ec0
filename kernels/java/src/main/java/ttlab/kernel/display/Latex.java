package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayDataRenderable;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.Objects;
import java.util.Set;

/**
 * LaTeX, typically math between $$ delimiters.
 * A notebook passes it to {@code display(...)}, e.g. {@code display(Latex.of("$$ x^2 $$"))}.
 */
public record Latex(String source) implements DisplayDataRenderable {
    private static final Set<MIMEType> SUPPORTED = RichText.supported(MIMEType.TEXT_LATEX);
    private static final Set<MIMEType> PREFERRED = Set.of(MIMEType.TEXT_LATEX);

    public Latex {
        Objects.requireNonNull(source, "source");
    }

    public static Latex of(String source) {
        return new Latex(source);
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
        RichText.render(context, MIMEType.TEXT_LATEX, source);
    }
}

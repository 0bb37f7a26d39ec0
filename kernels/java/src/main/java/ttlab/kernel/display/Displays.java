package ttlab.kernel.display;

/**
 * Short factories for notebook cells, meant for a static import:
 * {@code display(html("<b>done</b>"))}, {@code display(latex("$$ x^2 $$"))}.
 */
public final class Displays {
    private Displays() {
    }

    public static Html html(String source) {
        return Html.of(source);
    }

    public static Markdown markdown(String source) {
        return Markdown.of(source);
    }

    public static Latex latex(String source) {
        return Latex.of(source);
    }
}

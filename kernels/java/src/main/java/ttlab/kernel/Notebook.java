package ttlab.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import ttlab.kernel.display.DisplayIds;
import ttlab.kernel.display.RichText;
import ttlab.kernel.engine.CellEngine;

import java.util.Optional;
import java.util.UUID;

/**
 * What notebook code calls to show things, statically imported in every cell on the ttlab
 * kernel. The names and signatures are JJava's ({@code display}, {@code render},
 * {@code updateDisplay}, {@code printf}), so that a notebook calls the same on either kernel.
 */
public final class Notebook {

    private Notebook() {
    }

    /**
     * Renders an object richly (image, chart, table, HTML...). {@code null} shows as the text
     * {@code null}, as JShell prints it: a cell ending in {@code map.get("missing")} has a value.
     */
    public static DisplayData render(Object o) {
        if (o == null) {
            return new DisplayData("null");
        }
        if (o instanceof DisplayData) {
            return (DisplayData) o;
        }
        return kernel().getRenderer().render(o);
    }

    /** Renders an object as the given MIME types, e.g. {@code render(x, "text/html")}. */
    public static DisplayData render(Object o, String... mimeTypes) {
        if (o == null) {
            return new DisplayData("null");
        }
        return kernel().getRenderer().renderAs(o, mimeTypes);
    }

    /** Shows an object below the cell and returns its display id, for {@link #updateDisplay}. */
    public static String display(Object o) {
        return show(render(o));
    }

    public static String display(Object o, String... mimeTypes) {
        return show(render(o, mimeTypes));
    }

    /** Replaces what an earlier {@code display} showed, e.g. a live progress line. */
    public static void updateDisplay(String id, Object o) {
        kernel().getIO().display.updateDisplay(id, render(o));
    }

    public static void updateDisplay(String id, Object o, String... mimeTypes) {
        kernel().getIO().display.updateDisplay(id, render(o, mimeTypes));
    }

    /** Clears what the running cell has shown so far. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears the running cell's output; with {@code wait} the frontend waits for the next
     * output before clearing, which avoids flicker in a loop that redraws a plot.
     */
    public static void clearOutput(boolean wait) {
        BaseKernel kernel = kernel();
        if (kernel instanceof JavaKernel) {
            ((JavaKernel) kernel).clearOutput(wait);
        }
    }

    /**
     * The engine running this notebook's cells: what the grader's {@code check(...)} runs
     * tests on, under the same interrupt and time limits as a cell.
     */
    public static CellEngine engine() {
        return runningEngine().orElseThrow(() -> new IllegalStateException("this notebook is not running on the ttlab kernel"));
    }

    /** The engine of the ttlab kernel running this notebook; empty on another kernel (JJava). */
    public static Optional<CellEngine> runningEngine() {
        BaseKernel kernel = kernel();
        return kernel instanceof JavaKernel ? Optional.of(((JavaKernel) kernel).engine()) : Optional.empty();
    }

    /** {@code System.out.printf}, as JJava notebooks call it. */
    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }

    /** HTML to show as such: {@code display(html("<b>bold</b>"))}. */
    public static RichText html(String source) {
        return RichText.html(source);
    }

    /** Markdown to render: {@code display(markdown("**bold**"))}. */
    public static RichText markdown(String source) {
        return RichText.markdown(source);
    }

    /** LaTeX to typeset: {@code display(latex("$$e^{i\\pi} + 1 = 0$$"))}. */
    public static RichText latex(String source) {
        return RichText.latex(source);
    }

    private static String show(DisplayData data) {
        // The frontend renders text/plain for a display with no id the same way; an id is
        // always given so that any display can later be updated.
        String id = data.hasDisplayId() ? data.getDisplayId() : UUID.randomUUID().toString();
        DisplayIds.assign(data, id);
        kernel().display(data);
        return id;
    }

    private static BaseKernel kernel() {
        return BaseKernel.notebookKernel();
    }
}

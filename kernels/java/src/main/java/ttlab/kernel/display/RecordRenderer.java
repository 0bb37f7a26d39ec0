package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayDataRenderable;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Shows a Java record as a two-column HTML table, component name → value,
 * with the record's own {@code toString()} as text/plain.
 */
public final class RecordRenderer {
    private RecordRenderer() {
    }

    public static void register(Renderer renderer) {
        // Every record class extends java.lang.Record, so the class walk always reaches this.
        renderer.createRegistration(Record.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register(RecordRenderer::render);
    }

    public static void render(Record record, RenderContext context) {
        // A record that renders itself (RichText, ...) must not be overwritten by
        // its field table; renderAs(..., "text/*") would otherwise walk on to here.
        if (record instanceof DisplayDataRenderable) {
            return;
        }
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(record));
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> record.toString());
    }

    static String html(Record record) {
        HtmlTable table = new HtmlTable()
                .caption(record.getClass().getSimpleName())
                .header(List.of("component", "value"));
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            table.row(null, List.of(component.getName(), valueText(component, record)));
        }
        return table.toHtml();
    }

    private static String valueText(RecordComponent component, Record record) {
        Method accessor = component.getAccessor();
        try {
            // Records declared in a notebook cell or as private nested types are not
            // public, so their accessors need opening before reflection may call them.
            accessor.trySetAccessible();
            return Cells.of(accessor.invoke(record));
        } catch (IllegalAccessException e) {
            return "(not accessible)";
        } catch (InvocationTargetException e) {
            return "(accessor threw " + e.getCause() + ")";
        }
    }
}

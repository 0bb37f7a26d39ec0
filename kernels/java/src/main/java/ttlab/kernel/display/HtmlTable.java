package ttlab.kernel.display;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a plain HTML {@code <table>} from text cells. It takes only text and
 * escapes all of it, so callers cannot forget to escape a value.
 */
final class HtmlTable {
    private String caption;
    private List<String> header;
    private final List<String> rowLabels = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private String note;

    HtmlTable caption(String text) {
        this.caption = text;
        return this;
    }

    /** Column headings; when rows carry labels, the first heading sits above the label column. */
    HtmlTable header(List<String> headings) {
        this.header = List.copyOf(headings);
        return this;
    }

    /** A row; {@code label} (may be null) is shown as a row heading, e.g. an index. */
    HtmlTable row(String label, List<String> cells) {
        rowLabels.add(label);
        rows.add(List.copyOf(cells));
        return this;
    }

    /** A line under the table, used to say what was left out. */
    HtmlTable note(String text) {
        this.note = text;
        return this;
    }

    String toHtml() {
        StringBuilder html = new StringBuilder("<div><table>");
        if (caption != null) {
            html.append("<caption>").append(HtmlEscape.escape(caption)).append("</caption>");
        }
        if (header != null) {
            html.append("<thead><tr>");
            header.forEach(h -> html.append("<th>").append(HtmlEscape.escape(h)).append("</th>"));
            html.append("</tr></thead>");
        }
        html.append("<tbody>");
        for (int r = 0; r < rows.size(); r++) {
            html.append("<tr>");
            if (rowLabels.get(r) != null) {
                html.append("<th>").append(HtmlEscape.escape(rowLabels.get(r))).append("</th>");
            }
            rows.get(r).forEach(c -> html.append("<td>").append(HtmlEscape.escape(c)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (note != null) {
            html.append("<p>").append(HtmlEscape.escape(note)).append("</p>");
        }
        return html.append("</div>").toString();
    }
}

package ttlab.kernel.assist;

import jdk.jshell.SourceCodeAnalysis.Documentation;

import java.util.List;

/** Lays out what {@link CodeInspector} found as an {@link Inspection}. */
final class InspectionRenderer {

    private InspectionRenderer() {
    }

    /**
     * One section per documented element (overloads give several): the signature, then its
     * javadoc if JShell found sources for it. Without {@code detail} the block tags are left out.
     */
    static Inspection documentation(List<Documentation> docs, boolean detail) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        StringBuilder markdown = new StringBuilder();
        for (Documentation doc : docs) {
            JavadocText javadoc = JavadocText.parse(doc.javadoc());
            if (text.length() > 0) {
                text.append("\n\n");
                html.append("\n<hr>\n");
                markdown.append("\n\n---\n\n");
            }
            text.append(doc.signature());
            html.append(signatureHtml(doc.signature()));
            markdown.append(signatureMarkdown(doc.signature()));
            if (!javadoc.isEmpty()) {
                text.append("\n\n").append(javadoc.render(JavadocText.Style.PLAIN, detail));
                html.append("\n<div>").append(javadoc.render(JavadocText.Style.HTML, detail))
                        .append("</div>");
                markdown.append("\n\n").append(javadoc.render(JavadocText.Style.MARKDOWN, detail));
            }
        }
        return new Inspection(text.toString(), html.toString(), markdown.toString());
    }

    /** A notebook variable, described by name and type only: showing its value could be huge. */
    static Inspection variable(String name, String type) {
        String declaration = type + " " + name;
        String note = "variable defined in this notebook";
        return new Inspection(declaration + "\n\n" + note,
                signatureHtml(declaration) + "\n<p>" + note + "</p>",
                signatureMarkdown(declaration) + "\n\n" + note);
    }

    /** The static type of the expression ending at the cursor, when nothing better is known. */
    static Inspection expressionType(String type) {
        String line = "expression of type " + type;
        return new Inspection(line,
                "<p>expression of type <code>" + InlineMarkup.escapeHtml(type) + "</code></p>",
                "expression of type `" + type + "`");
    }

    private static String signatureHtml(String signature) {
        return "<pre><code>" + InlineMarkup.escapeHtml(signature) + "</code></pre>";
    }

    private static String signatureMarkdown(String signature) {
        return "```java\n" + signature + "\n```";
    }
}

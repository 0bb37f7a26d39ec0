package ttlab.kernel.assist;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an inspection found, in the three forms a Jupyter front end may show. */
public record Inspection(String text, String html, String markdown) {

    /** The MIME bundle of an {@code inspect_reply}: text/plain, text/html, text/markdown. */
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text);
        bundle.put("text/html", html);
        bundle.put("text/markdown", markdown);
        return bundle;
    }
}

package ttlab.grader.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static ttlab.grader.serve.Routes.Response;

/**
 * The service's one page: plain HTML, CSS and JavaScript from the grader's jar, no build step.
 * The page calls the JSON API with relative URLs, so it works under any prefix (JupyterHub's
 * {@code /services/NAME/}).
 */
final class WebPage {

    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");
    /**
     * Only the page's own script. Inline styles are allowed for the feedback page, which is shown in
     * a sandboxed frame (no scripts) from srcdoc and so inherits this policy.
     */
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " frame-src 'self' blob: data:; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'self'";

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    Response asset(String name) {
        String type = TYPES.get(name);
        if (type == null) {
            throw HttpError.notFound("no such file: " + name);
        }
        byte[] body = cache.computeIfAbsent(name, WebPage::load);
        return new Response(200, type, body, Map.of("Content-Security-Policy", POLICY));
    }

    private static byte[] load(String name) {
        try (InputStream in = WebPage.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the grader's jar lacks ttlab/grader/serve/web/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

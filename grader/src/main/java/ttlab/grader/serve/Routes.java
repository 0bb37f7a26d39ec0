package ttlab.grader.serve;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plumbing between the JDK's HTTP server and the API's handlers: routes by method and path
 * (below the service's prefix), the caller's user from the {@code Authorization} header, bodies
 * read up to a limit, and every failure answered as JSON {@code {"error": ..., "status": ...}}.
 */
final class Routes implements HttpHandler {

    /** Bytes of an unread request body read and dropped before answering; past this, the connection is closed. */
    private static final long MAX_DRAIN = 64L << 20;

    static final Gson JSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    /** What a handler answers. */
    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

        static Response json(int status, JsonElement body) {
            return new Response(status, "application/json; charset=utf-8",
                    JSON.toJson(body).getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static Response text(int status, String contentType, String body) {
            return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        Response withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Response(status, contentType, body, all);
        }
    }

    /** One request, as handlers see it. */
    static final class Request {
        private final HttpExchange exchange;
        private final Matcher path;
        private final Map<String, String> query;
        private final User user;

        Request(HttpExchange exchange, Matcher path, Map<String, String> query, User user) {
            this.exchange = exchange;
            this.path = path;
            this.query = query;
            this.user = user;
        }

        /** The caller; null only on routes that need no token. */
        User user() {
            return user;
        }

        /** A group of the route's pattern, e.g. the submission id. */
        String path(int group) {
            return path.group(group);
        }

        Optional<String> query(String name) {
            String v = query.get(name);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
        }

        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }

        /**
         * The body, at most {@code limit} bytes.
         *
         * @throws HttpError 413 when it is longer; the rest is not read
         */
        byte[] body(long limit) throws IOException {
            String declared = header("Content-Length");
            if (declared != null) {
                try {
                    if (Long.parseLong(declared.trim()) > limit) {
                        throw tooLarge(limit);
                    }
                } catch (NumberFormatException e) {
                    throw HttpError.badRequest("Content-Length is not a number: " + declared);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = exchange.getRequestBody()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (out.size() + (long) n > limit) {
                        throw tooLarge(limit);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return out.toByteArray();
        }

        private static HttpError tooLarge(long limit) {
            return new HttpError(413, "the notebook is larger than the limit of "
                    + ttlab.grader.grade.Sizes.describe(limit) + "; clear large outputs (Edit > Clear Outputs of All"
                    + " Cells), save, and submit again");
        }
    }

    /** A handler of requests that matched its route. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request) throws Exception;
    }

    private record Route(String method, Pattern path, boolean authenticated, Handler handler) {
    }

    private final String prefix;
    private final Authenticator authenticator;
    private final PrintStream log;
    private final List<Route> routes = new ArrayList<>();

    /** @param prefix the path the service is served under, "/" or e.g. "/services/ttlab/" */
    Routes(String prefix, Authenticator authenticator, PrintStream log) {
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        this.authenticator = authenticator;
        this.log = log;
    }

    String prefix() {
        return prefix;
    }

    /** A route for callers with a valid token; {@code path} is a regular expression below the prefix. */
    Routes add(String method, String path, Handler handler) {
        routes.add(new Route(method, Pattern.compile(path), true, handler));
        return this;
    }

    /** A route anyone may call (the page itself, the health check). */
    Routes addPublic(String method, String path, Handler handler) {
        routes.add(new Route(method, Pattern.compile(path), false, handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Response response;
        try {
            response = dispatch(exchange);
        } catch (HttpError e) {
            response = error(e.status(), e.getMessage());
        } catch (Exception | Error e) {
            log.println("ttlab serve: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed: " + e);
            response = error(500, "the service failed on this request: " + e.getClass().getSimpleName()
                    + "; the instructors can find it in the service's log");
        }
        send(exchange, response);
    }

    private Response dispatch(HttpExchange exchange) throws Exception {
        String full = exchange.getRequestURI().getRawPath();
        if ((full + "/").equals(prefix)) {
            return new Response(308, "text/plain; charset=utf-8", new byte[0], Map.of("Location", prefix));
        }
        if (!full.startsWith(prefix)) {
            throw HttpError.notFound("nothing at " + full + "; the service is at " + prefix);
        }
        String path = URLDecoder.decode(full.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(method)) {
                continue;
            }
            User user = route.authenticated() ? authenticate(exchange) : null;
            return route.handler().handle(new Request(exchange, m, query(exchange.getRequestURI().getRawQuery()), user));
        }
        if (pathKnown) {
            throw new HttpError(405, method + " is not allowed on " + path);
        }
        throw HttpError.notFound("no such API path: " + path);
    }

    private User authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = null;
        if (header != null) {
            String[] parts = header.trim().split("\\s+", 2);
            if (parts.length == 2 && (parts[0].equalsIgnoreCase("bearer") || parts[0].equalsIgnoreCase("token"))) {
                token = parts[1].trim();
            }
        }
        if (token == null || token.isEmpty()) {
            throw new HttpError(401, "a token is needed: send the header \"Authorization: Bearer YOUR_TOKEN\"");
        }
        try {
            return authenticator.authenticate(token)
                    .orElseThrow(() -> new HttpError(401, "this token is not valid (mistyped, or revoked)"));
        } catch (IOException e) {
            log.println("ttlab serve: could not check a token: " + e.getMessage());
            throw new HttpError(503, "tokens cannot be checked right now: " + e.getMessage());
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    static Response error(int status, String message) {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        body.addProperty("status", status);
        Response r = Response.json(status, body);
        return status == 401 ? r.withHeader("WWW-Authenticate", "Bearer realm=\"ttlab\"") : r;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        try (exchange) {
            // A request body nobody read (a refused upload) is drained, so the client sees the answer.
            try (InputStream in = exchange.getRequestBody()) {
                byte[] sink = new byte[64 * 1024];
                long drained = 0;
                for (int n; drained < MAX_DRAIN && (n = in.read(sink)) >= 0; ) {
                    drained += n;
                }
            } catch (IOException e) {
                // the client went away
            }
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", response.contentType());
            headers.set("Cache-Control", "no-store");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            response.headers().forEach(headers::set);
            boolean empty = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }
}

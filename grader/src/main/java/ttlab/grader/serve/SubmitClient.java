package ttlab.grader.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Hands a notebook in to the submission service and follows it until it is graded: what
 * {@code ./ttlab submit} and {@code submit()} in a notebook do.
 */
public final class SubmitClient {

    /** The service refused a request; the message is the service's own. */
    public static final class Refused extends Exception {
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        /** The HTTP status: 400, 401, 403, 404, 409, 413, 429, ... */
        public int status() {
            return status;
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int MAX_FAILED_SHOWN = 8;

    private final URI base;
    private final String token;
    private final HttpClient http;

    /**
     * @param base  the service's address, e.g. {@code http://localhost:8090/} or a hub's
     *              {@code https://hub.example.org/services/ttlab/}
     * @param token the user's token
     */
    public SubmitClient(URI base, String token) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.token = token;
        // HTTP/1.1: by default the client asks a plain-HTTP server to upgrade to HTTP/2 (h2c), and
        // JupyterHub's configurable-http-proxy, in front of the service on a hub, answers that by
        // dropping the connection.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Hands in a notebook.
     *
     * @param assignment the assignment; null to let the service take it from {@code fileName}
     * @return the submission, as the service describes it (with {@code id} and {@code message})
     */
    public JsonObject submit(byte[] notebook, String fileName, String assignment)
            throws IOException, InterruptedException, Refused {
        StringBuilder path = new StringBuilder("api/submissions?filename=").append(encode(fileName));
        if (assignment != null) {
            path.append("&assignment=").append(encode(assignment));
        }
        HttpRequest request = request(path.toString())
                .header("Content-Type", "application/x-ipynb+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(notebook)).build();
        return send(request);
    }

    /** A submission as the service describes it now, with its {@code result} once graded. */
    public JsonObject submission(long id) throws IOException, InterruptedException, Refused {
        return send(request("api/submissions/" + id).GET().build());
    }

    /**
     * Polls a submission until it is graded or failed, or {@code timeout} passes; returns its last
     * description. {@code progress} hears each new status.
     */
    public JsonObject await(long id, Duration timeout, Consumer<String> progress)
            throws IOException, InterruptedException, Refused {
        long end = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (true) {
            JsonObject s = submission(id);
            String status = s.get("status").getAsString();
            if (!status.equals(last)) {
                progress.accept(status);
                last = status;
            }
            if (status.equals("graded") || status.equals("failed") || System.nanoTime() > end) {
                return s;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private JsonObject send(HttpRequest request) throws IOException, InterruptedException, Refused {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.ConnectException e) {
            throw new IOException("the submission service at " + base + " cannot be reached (is it running?)", e);
        }
        JsonObject body = null;
        try {
            JsonElement parsed = JsonParser.parseString(response.body());
            body = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            // below
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String message = body != null && body.has("error") ? body.get("error").getAsString()
                    : "the service at " + base + " answered " + status;
            throw new Refused(status, message);
        }
        if (body == null) {
            throw new IOException("the service at " + base + " did not answer with JSON; is " + base
                    + " the submission service's address?");
        }
        return body;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A few lines for a person: the score, each exercise, the late penalty and problems. */
    public static String describe(JsonObject s) {
        StringBuilder text = new StringBuilder();
        String status = s.get("status").getAsString();
        long id = s.get("id").getAsLong();
        if (status.equals("failed")) {
            text.append("Submission #").append(id).append(" could not be graded: ").append(string(s, "error")).append('\n');
            return text.toString();
        }
        if (!status.equals("graded")) {
            text.append("Submission #").append(id).append(" is ").append(status)
                    .append("; look again later (./ttlab submit --status ").append(id).append(", or the service's page)\n");
            return text.toString();
        }
        JsonObject result = s.has("result") && s.get("result").isJsonObject() ? s.getAsJsonObject("result") : null;
        text.append("Score: ").append(number(s, "score")).append(" / ").append(number(s, "max_score"));
        if (s.get("days_late").getAsInt() > 0) {
            text.append(", handed in ").append(s.get("days_late").getAsInt()).append(" day(s) late: ")
                    .append(plain(s.get("penalty").getAsDouble() * 100)).append("% less, ")
                    .append(number(s, "final_score")).append(" / ").append(number(s, "max_score"));
        }
        text.append('\n');
        if (result != null) {
            result.getAsJsonArray("exercises").forEach(e -> {
                JsonObject x = e.getAsJsonObject();
                text.append("  ").append(x.get("exercise").getAsString()).append(": ").append(number(x, "score"))
                        .append(" / ").append(number(x, "max_score")).append('\n');
            });
            if (result.getAsJsonArray("problems").size() > 0) {
                text.append("Problems:\n");
                result.getAsJsonArray("problems").forEach(p -> text.append("  - ").append(p.getAsString()).append('\n'));
            }
            int shown = 0;
            int failed = 0;
            for (JsonElement t : result.getAsJsonArray("tests")) {
                JsonObject x = t.getAsJsonObject();
                if (x.get("status").getAsString().equals("passed")) {
                    continue;
                }
                failed++;
                if (shown < MAX_FAILED_SHOWN) {
                    shown++;
                    String out = x.has("output") ? x.get("output").getAsString().lines().findFirst().orElse("") : "";
                    String name = x.get("hidden").getAsBoolean() && !x.has("output")
                            ? "a hidden test of " + x.get("exercise").getAsString() : x.get("name").getAsString();
                    text.append("  failed: ").append(name).append(out.isEmpty() ? "" : ": " + cut(out)).append('\n');
                }
            }
            if (failed > shown) {
                text.append("  ... and ").append(failed - shown).append(" more failed test(s); the feedback page has them all\n");
            }
        }
        return text.toString();
    }

    private static String cut(String line) {
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
    }

    private static String number(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? plain(o.get(key).getAsDouble()) : "?";
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(Math.round(value * 1e4) / 1e4).stripTrailingZeros().toPlainString();
    }

    /** "20%" for 0.2. */
    static String describePercent(double fraction) {
        return plain(fraction * 100) + "%";
    }

    /** "12.3 KB", for a person. */
    static String size(long bytes) {
        return bytes >= 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0) : bytes + " bytes";
    }
}

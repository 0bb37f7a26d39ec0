package ttlab.grader.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Behind JupyterHub: a request's token is a Hub token (a user's API token, or the one
 * JupyterHub gives each single-user server as {@code JUPYTERHUB_API_TOKEN}). As JupyterHub's own
 * {@code HubAuth} does, the service asks the Hub who owns it: {@code GET {api}/user} with that
 * token. Whether the user is an instructor (a Hub admin, or a member of the configured group)
 * is read from the answer, or, when the token's scopes leave it out, from
 * {@code GET {api}/users/{name}} with the service's own API token. Answers are cached briefly
 * (by the token's SHA-256), so that a page polling every second does not query the Hub each time.
 */
final class HubAuthenticator implements Authenticator {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(10);
    private static final int MAX_CACHED = 10_000;

    private record Cached(Optional<User> user, Instant until) {
    }

    private final URI api;
    private final String serviceToken;
    private final String instructorGroup;
    private final Duration ttl;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param api             the Hub's API URL, {@code JUPYTERHUB_API_URL} (e.g. {@code http://hub:8081/hub/api})
     * @param serviceToken    the service's own API token, {@code JUPYTERHUB_API_TOKEN}
     * @param instructorGroup members of this Hub group are instructors (besides admins); null for admins only
     * @param ttl             how long an answer is trusted
     */
    HubAuthenticator(URI api, String serviceToken, String instructorGroup, Duration ttl, HttpClient http, Clock clock) {
        String base = api.toString();
        this.api = URI.create(base.endsWith("/") ? base : base + "/");
        this.serviceToken = serviceToken;
        this.instructorGroup = instructorGroup;
        this.ttl = ttl;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Optional<User> authenticate(String token) throws IOException {
        String key = Roster.digest(token);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.user();
        }
        Optional<User> user = ask(token);
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(c -> !now.isBefore(c.until()));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(key, new Cached(user, now.plus(user.isPresent() ? ttl : NEGATIVE_TTL)));
        return user;
    }

    private Optional<User> ask(String token) throws IOException {
        JsonObject model = get("user", token, true);
        if (model == null) {
            return Optional.empty();
        }
        // A service's token identifies a service, which hands in no work.
        if (model.has("kind") && !"user".equals(string(model, "kind"))) {
            return Optional.empty();
        }
        String name = string(model, "name");
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        boolean needsGroups = instructorGroup != null && !model.has("groups");
        if (!model.has("admin") || needsGroups) {
            JsonObject full = get("users/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"),
                    serviceToken, false);
            if (full != null) {
                model = full;
            }
        }
        boolean admin = model.has("admin") && model.get("admin").isJsonPrimitive() && model.get("admin").getAsBoolean();
        boolean inGroup = false;
        if (instructorGroup != null && model.has("groups") && model.get("groups").isJsonArray()) {
            for (JsonElement g : model.getAsJsonArray("groups")) {
                inGroup |= g.isJsonPrimitive() && instructorGroup.equals(g.getAsString());
            }
        }
        return Optional.of(new User(name, admin || inGroup ? User.Role.INSTRUCTOR : User.Role.STUDENT));
    }

    /**
     * GET {api}/path with a token; null when the Hub says the token is not good for it (401, 403,
     * 404). With {@code required}, any other failure is an IOException: the request cannot be
     * authenticated now, which is not the same as being refused.
     */
    private JsonObject get(String path, String token, boolean required) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "token " + token).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking JupyterHub", e);
        } catch (IOException e) {
            if (required) {
                throw new IOException("JupyterHub at " + api + " could not be reached: " + e.getMessage(), e);
            }
            return null;
        }
        int status = response.statusCode();
        if (status == 401 || status == 403 || status == 404) {
            return null;
        }
        if (status / 100 != 2) {
            if (required) {
                throw new IOException("JupyterHub answered " + status + " to GET " + request.uri().getPath());
            }
            return null;
        }
        try {
            JsonElement body = JsonParser.parseString(response.body());
            if (body.isJsonObject()) {
                return body.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // fall through
        }
        if (required) {
            throw new IOException("JupyterHub's answer to GET " + request.uri().getPath() + " is not a JSON object");
        }
        return null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    @Override
    public String describe() {
        return "JupyterHub tokens, checked at " + api + "user (instructors: Hub admins"
                + (instructorGroup == null ? "" : " and group " + instructorGroup) + ")";
    }
}

package ttlab.grader.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against a stand-in for JupyterHub's REST API that answers as the Hub does: {@code GET /user}
 * with a user's token gives that user's model (without groups, as a token without the
 * read:users:groups scope gets it); {@code GET /users/NAME} with the service's token gives the full
 * model.
 */
class HubAuthenticatorTest {

    private static final String SERVICE_TOKEN = "service-token";
    private static final Map<String, String> OWN_MODEL = Map.of(
            "alice-token", "{\"kind\": \"user\", \"name\": \"alice\", \"admin\": false}",
            "prof-token", "{\"kind\": \"user\", \"name\": \"prof\"}",
            "root-token", "{\"kind\": \"user\", \"name\": \"root\", \"admin\": true, \"groups\": []}",
            "service-own-token", "{\"kind\": \"service\", \"name\": \"grader\"}");
    private static final Map<String, String> FULL_MODEL = Map.of(
            "alice", "{\"kind\": \"user\", \"name\": \"alice\", \"admin\": false, \"groups\": [\"students\"]}",
            "prof", "{\"kind\": \"user\", \"name\": \"prof\", \"admin\": false, \"groups\": [\"teachers\"]}");

    private HttpServer hub;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void startHub() throws IOException {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/hub/api/", this::answer);
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("token ") ? auth.substring(6) : "";
        String path = x.getRequestURI().getPath().substring("/hub/api/".length());
        calls.add(path + " " + token);
        String body = null;
        if (path.equals("user")) {
            body = OWN_MODEL.get(token);
        } else if (path.startsWith("users/") && token.equals(SERVICE_TOKEN)) {
            body = FULL_MODEL.get(path.substring("users/".length()));
        }
        byte[] bytes = (body == null ? "{\"status\": 403, \"message\": \"Forbidden\"}" : body).getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(body == null ? 403 : 200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private HubAuthenticator auth(String group) {
        URI api = URI.create("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub/api");
        return new HubAuthenticator(api, SERVICE_TOKEN, group, Duration.ofSeconds(60), HttpClient.newHttpClient(), clock);
    }

    @Test
    void theHubSaysWhoOwnsAToken() throws IOException {
        HubAuthenticator auth = auth("teachers");
        assertThat(auth.authenticate("alice-token")).contains(new User("alice", User.Role.STUDENT));
        assertThat(auth.authenticate("prof-token")).contains(new User("prof", User.Role.INSTRUCTOR));
        assertThat(auth.authenticate("root-token")).contains(new User("root", User.Role.INSTRUCTOR));
        // The user's own token asks /user; the groups come from /users/NAME with the service's token.
        assertThat(calls).contains("user alice-token", "users/alice " + SERVICE_TOKEN, "user root-token")
                .doesNotContain("users/root " + SERVICE_TOKEN);
    }

    @Test
    void withoutAGroupOnlyAdminsAreInstructors() throws IOException {
        assertThat(auth(null).authenticate("prof-token")).contains(new User("prof", User.Role.STUDENT));
    }

    @Test
    void unknownTokensAndServicesAreRefused() throws IOException {
        HubAuthenticator auth = auth("teachers");
        assertThat(auth.authenticate("forged-token")).isEmpty();
        assertThat(auth.authenticate("service-own-token")).isEmpty();
    }

    @Test
    void answersAreCachedForTheirTimeToLive() throws IOException {
        HubAuthenticator auth = auth("teachers");
        auth.authenticate("alice-token");
        auth.authenticate("alice-token");
        assertThat(calls.stream().filter(c -> c.equals("user alice-token"))).hasSize(1);
        clock.advance(Duration.ofSeconds(61));
        auth.authenticate("alice-token");
        assertThat(calls.stream().filter(c -> c.equals("user alice-token"))).hasSize(2);
    }

    @Test
    void anUnreachableHubIsAnErrorNotARefusal() {
        HubAuthenticator auth = auth(null);
        hub.stop(0);
        assertThatThrownBy(() -> auth.authenticate("alice-token")).isInstanceOf(IOException.class)
                .hasMessageContaining("could not be reached");
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-10-01T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

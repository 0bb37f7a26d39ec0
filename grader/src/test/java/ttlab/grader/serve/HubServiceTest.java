package ttlab.grader.serve;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a JupyterHub service: configured by the environment the Hub gives it (API URL,
 * its token, its prefix and address), it checks tokens with a stand-in Hub and serves under its
 * prefix.
 */
class HubServiceTest {

    @TempDir
    Path dir;
    private HttpServer hub;
    private Service service;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws IOException, SQLException {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> users = Map.of(
                "alice-hub-token", "{\"kind\": \"user\", \"name\": \"alice\", \"admin\": false, \"groups\": []}",
                "prof-hub-token", "{\"kind\": \"user\", \"name\": \"prof\", \"admin\": false, \"groups\": [\"teachers\"]}");
        hub.createContext("/hub/api/user", x -> {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            String body = users.get(auth == null ? "" : auth.replaceFirst("^token ", ""));
            byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(body == null ? 403 : 200, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        });
        hub.start();
        Path solutions = Files.createDirectories(dir.resolve("solutions"));
        Files.writeString(solutions.resolve("00-warmup.ipynb"), "{}");
        Files.writeString(dir.resolve("course.json"), "{\"instructor_group\": \"teachers\"}");
        Map<String, String> env = Map.of(
                "JUPYTERHUB_API_URL", "http://127.0.0.1:" + hub.getAddress().getPort() + "/hub/api",
                "JUPYTERHUB_API_TOKEN", "the-service-token",
                "JUPYTERHUB_SERVICE_PREFIX", "/services/ttlab/",
                "JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:0");
        ServeOptions options = ServeOptions.parse(new String[] {"--data", dir.resolve("data").toString(),
                "--config", dir.resolve("course.json").toString(), "--solutions", solutions.toString(),
                "--workers", "0"}, env);
        service = Service.start(options, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws IOException {
        service.close();
        hub.stop(0);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path));
        if (token != null) {
            b.header("Authorization", "token " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void hubTokensAndTheHubsPrefix() throws Exception {
        assertThat(service.url()).endsWith("/services/ttlab/");
        assertThat(get("/services/ttlab/api/me", "alice-hub-token").body()).contains("\"user\":\"alice\"")
                .contains("\"role\":\"student\"");
        assertThat(get("/services/ttlab/api/me", "prof-hub-token").body()).contains("\"role\":\"instructor\"");
        assertThat(get("/services/ttlab/api/me", "someone-elses-token").statusCode()).isEqualTo(401);
        assertThat(get("/api/me", "alice-hub-token").statusCode()).isEqualTo(404);
        HttpResponse<String> bare = get("/services/ttlab", null);
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(bare.headers().firstValue("Location")).contains("/services/ttlab/");
        assertThat(get("/services/ttlab/", null).body()).contains("<script src=\"app.js\">");
    }
}

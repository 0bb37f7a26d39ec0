package ttlab.grader.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link SubmitClient} puts on the wire, against a stand-in for the submission service behind
 * JupyterHub's configurable-http-proxy, which drops any plain-HTTP request asking to upgrade the
 * connection to HTTP/2 ({@code Upgrade: h2c}), as the Java HTTP client does by default.
 */
class SubmitClientTest {

    private HttpServer service;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startService() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/services/ttlab/api/", this::answer);
        service.start();
    }

    @AfterEach
    void stopService() {
        service.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        String upgrade = x.getRequestHeaders().getFirst("Upgrade");
        requests.add(x.getRequestMethod() + " " + x.getRequestURI() + " " + x.getProtocol()
                + (upgrade == null ? "" : " Upgrade: " + upgrade));
        byte[] body = "{\"id\": 7, \"status\": \"queued\"}".getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(x.getRequestMethod().equals("POST") ? 202 : 200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @Test
    void handsInOverPlainHttp11WithoutAskingToUpgrade() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + service.getAddress().getPort() + "/services/ttlab");
        SubmitClient client = new SubmitClient(base, "hub-token");

        assertThat(client.submit("{}".getBytes(StandardCharsets.UTF_8), "00-warmup.ipynb", null).get("id").getAsLong())
                .isEqualTo(7);
        assertThat(client.submission(7).get("status").getAsString()).isEqualTo("queued");

        assertThat(requests).containsExactly(
                "POST /services/ttlab/api/submissions?filename=00-warmup.ipynb HTTP/1.1",
                "GET /services/ttlab/api/submissions/7 HTTP/1.1");
    }
}

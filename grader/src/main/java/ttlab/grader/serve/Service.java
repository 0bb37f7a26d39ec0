package ttlab.grader.serve;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import ttlab.grader.grade.NotebookGrader;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running submission service: the database, the grading threads and the HTTP server, started
 * together and stopped together.
 *
 * <p>The HTTP server is the JDK's own ({@code com.sun.net.httpserver}): it ships with every JDK the
 * course runs on, adds no jar to the grader (whose runtime is the notebook kernel's class path),
 * and what the service asks of it (a dozen JSON routes, uploads of a few megabytes, a few hundred
 * requests a second) is well within what it does. Requests run on a fixed pool of threads.
 */
final class Service implements AutoCloseable {

    private static final int HTTP_THREADS = 16;

    private final DataFolder data;
    private final Database db;
    private final GradingWorkers workers;
    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final String url;

    private Service(DataFolder data, Database db, GradingWorkers workers, HttpServer server, ExecutorService httpThreads,
                    String url) {
        this.data = data;
        this.db = db;
        this.workers = workers;
        this.server = server;
        this.httpThreads = httpThreads;
        this.url = url;
    }

    /**
     * Starts a service; everything opened so far is closed again when a step fails.
     *
     * @throws IllegalArgumentException for a problem with the options, the roster or the configuration
     * @throws IllegalStateException    when the data folder is in use by another process
     */
    static Service start(ServeOptions options, Clock clock, PrintStream log) throws IOException, SQLException {
        CourseConfig config = options.config() != null ? CourseConfig.read(options.config(), options.solutions())
                : CourseConfig.defaults(options.solutions());
        Authenticator auth = authenticator(options, config);
        NotebookGrader grader = NotebookGrader.withOptions(options.gradeOptions());
        DataFolder data = DataFolder.open(options.data());
        Database db = null;
        GradingWorkers workers = null;
        try {
            db = Database.open(options.db() != null ? options.db() : data.sqliteUrl(), options.pool());
            SubmissionStore store = new SubmissionStore(db, clock);
            // Leases a previous process left: with SQLite every one (one process per data folder),
            // with PostgreSQL those of this process's name; others run out by themselves.
            boolean sqlite = db.dialect() == Database.Dialect.SQLITE;
            int back = store.requeueAbandoned(sqlite ? "" : options.name() + "/",
                    "the grading process stopped before it finished");
            if (back > 0) {
                log.println("ttlab serve: " + back + " submission(s) whose grading was cut short are queued again");
            }
            workers = new GradingWorkers(store, grader, data.work(), options.name(), options.workers(), options.lease(), log);
            workers.start();
            JsonObject health = new JsonObject();
            health.addProperty("status", "ok");
            health.addProperty("database", sqlite ? "sqlite" : "postgresql");
            health.addProperty("workers", options.workers());
            Routes routes = new Routes(options.prefix(), auth, log);
            new Api(config, store, workers::wake, clock, health, auth.students()).register(routes);
            HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
            server.createContext("/", routes);
            AtomicInteger n = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(HTTP_THREADS, r -> {
                Thread t = new Thread(r, "ttlab-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(threads);
            server.start();
            String url = "http://" + options.host() + ":" + server.getAddress().getPort() + options.prefix();
            log.println("ttlab serve: " + url + " (" + config.assignments().size() + " assignment(s), " + auth.describe()
                    + ")");
            log.println("ttlab serve: database " + db.describe() + "; " + options.workers() + " grading thread(s) as "
                    + options.name() + "; data in " + options.data());
            return new Service(data, db, workers, server, threads, url);
        } catch (IOException | SQLException | RuntimeException e) {
            if (workers != null) {
                workers.close();
            }
            if (db != null) {
                db.close();
            }
            data.close();
            throw e;
        }
    }

    private static Authenticator authenticator(ServeOptions options, CourseConfig config) throws IOException {
        if (options.roster() != null) {
            return Roster.read(options.roster());
        }
        String api = options.env().get("JUPYTERHUB_API_URL");
        String token = options.env().get("JUPYTERHUB_API_TOKEN");
        if (api == null || api.isBlank() || token == null || token.isBlank()) {
            throw new IllegalArgumentException("no way to check tokens: give --roster FILE (user,role,token lines), or"
                    + " run as a JupyterHub service (JUPYTERHUB_API_URL and JUPYTERHUB_API_TOKEN set)");
        }
        String group = config.instructorGroup();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // proxies in front of a hub reset h2c upgrades
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new HubAuthenticator(URI.create(api), token, group, options.hubCacheTtl(), http, Clock.systemUTC());
    }

    /** The address the service answers at, ending with its prefix. */
    String url() {
        return url;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Stops answering, stops grading (what was under way goes back to the queue), closes the database. */
    @Override
    public void close() throws IOException {
        server.stop(1);
        httpThreads.shutdownNow();
        workers.close();
        db.close();
        data.close();
    }
}

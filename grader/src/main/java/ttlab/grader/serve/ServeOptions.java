package ttlab.grader.serve;

import ttlab.grader.CommandArg;
import ttlab.grader.grade.Sizes;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code ttlab serve}, parsed and checked, with the defaults JupyterHub's
 * environment gives a hub service. See {@link #USAGE}.
 */
record ServeOptions(String host, int port, String prefix, Path data, String db, Path roster, Path config,
                    Path solutions, int workers, Duration lease, String name, int pool, Duration hubCacheTtl,
                    List<String> gradeOptions, Map<String, String> env) {

    static final String USAGE = String.join("\n",
            "usage: ttlab serve [options]",
            "",
            "The submission service: students hand in notebooks (web page, ./ttlab submit, submit() in a",
            "notebook) and see their score and feedback; instructors see the gradebook and regrade. Each",
            "submission is graded as ttlab grade does, by grading threads that share the database's queue.",
            "",
            "options:",
            "  --host HOST           address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)",
            "  --port N              port (default 8090; 0 picks a free one)",
            "  --prefix PATH         serve under this path (default / or JUPYTERHUB_SERVICE_PREFIX)",
            "  --data DIR            data folder: the SQLite database and the grading folder",
            "                        (default ttlab-serve-data); one service process per folder",
            "  --db URL              jdbc:postgresql://HOST/DB?user=U&password=P to share a queue between",
            "                        processes (default: SQLite in the data folder)",
            "  --roster FILE         users: CSV lines user,role,token (role student or instructor); without",
            "                        it, the service authenticates JupyterHub tokens (JUPYTERHUB_API_URL)",
            "  --config FILE         the course's rules: deadlines, late penalty, submission limits (JSON)",
            "  --solutions DIR       master notebooks; an assignment is a master's name (default solutions)",
            "  --workers N           submissions graded at the same time in this process (default: half",
            "                        the processors, at least 1; 0: this process only takes submissions)",
            "  --lease SEC           how long a grading claim lasts without renewal (default 60)",
            "  --name NAME           this process's name in leases (default HOST:PID); at start it takes",
            "                        back the leases a previous process of the same name left",
            "  --pool N              database connections (PostgreSQL; default workers + 8)",
            "  --hub-cache SEC       how long a JupyterHub token check is trusted (default 60)",
            "  grading: --heap, --jit, --test-timeout, --cell-timeout, --wall-limit, --cpu-limit,",
            "           --output-limit, --max-threads, as for ttlab grade",
            "",
            "Behind JupyterHub (as a hub service) it reads JUPYTERHUB_API_TOKEN, JUPYTERHUB_API_URL,",
            "JUPYTERHUB_SERVICE_PREFIX and JUPYTERHUB_SERVICE_URL.");

    private static final Set<String> GRADE_OPTIONS = Set.of("--heap", "--jit", "--test-timeout", "--cell-timeout",
            "--wall-limit", "--cpu-limit", "--output-limit", "--max-threads");

    /** Parses arguments; IllegalArgumentException with a message for the user. */
    static ServeOptions parse(String[] args, Map<String, String> env) {
        String host = "127.0.0.1";
        int port = 8090;
        String serviceUrl = env.get("JUPYTERHUB_SERVICE_URL");
        if (serviceUrl != null && !serviceUrl.isBlank()) {
            URI uri = URI.create(serviceUrl);
            if (uri.getHost() != null) {
                host = uri.getHost();
            }
            if (uri.getPort() >= 0) {
                port = uri.getPort();
            }
        }
        String prefix = env.getOrDefault("JUPYTERHUB_SERVICE_PREFIX", "/");
        Path data = Path.of("ttlab-serve-data");
        String db = null;
        Path roster = null;
        Path config = null;
        Path solutions = Path.of("solutions");
        int workers = ttlab.grader.grade.NotebookGrader.defaultJobs();
        Duration lease = Duration.ofSeconds(60);
        String name = null;
        Integer pool = null;
        Duration hubCache = Duration.ofSeconds(60);
        List<String> grade = new ArrayList<>();
        for (CommandArg arg : CommandArg.split(args, Set.of())) {
            if (arg.plain()) {
                throw new IllegalArgumentException("unexpected argument " + arg.value());
            }
            String option = arg.name();
            String value = arg.value();
            try {
                switch (option) {
                    case "--host": host = value; break;
                    case "--port": port = port(value); break;
                    case "--prefix": prefix = value; break;
                    case "--data": data = Path.of(value); break;
                    case "--db": db = value; break;
                    case "--roster": roster = Path.of(value); break;
                    case "--config": config = Path.of(value); break;
                    case "--solutions": solutions = Path.of(value); break;
                    case "--workers": workers = atLeast(0, Integer.parseInt(value)); break;
                    case "--lease": lease = Sizes.parseSeconds(value); break;
                    case "--name": name = value; break;
                    case "--pool": pool = atLeast(1, Integer.parseInt(value)); break;
                    case "--hub-cache": hubCache = Sizes.parseSeconds(value); break;
                    default:
                        if (!GRADE_OPTIONS.contains(option)) {
                            throw new IllegalArgumentException("unknown option " + option);
                        }
                        grade.add(option);
                        grade.add(value);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                throw arg.invalidValue();
            }
        }
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("--prefix must start with /, not " + prefix);
        }
        if (lease.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("--lease must be at least 2 seconds");
        }
        if (name == null) {
            name = hostName() + ":" + ProcessHandle.current().pid();
        }
        if (name.contains("/") || name.isBlank()) {
            throw new IllegalArgumentException("--name must not be empty or contain '/'");
        }
        grade.add("--solutions");
        grade.add(solutions.toString());
        return new ServeOptions(host, port, prefix.endsWith("/") ? prefix : prefix + "/", data, db, roster, config,
                solutions, workers, lease, name, pool != null ? pool : workers + 8, hubCache, List.copyOf(grade),
                Map.copyOf(env));
    }

    private static int port(String value) {
        int p = Integer.parseInt(value);
        if (p < 0 || p > 65535) {
            throw new NumberFormatException("out of range");
        }
        return p;
    }

    private static int atLeast(int min, int n) {
        if (n < min) {
            throw new NumberFormatException("too small");
        }
        return n;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}

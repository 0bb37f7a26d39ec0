package ttlab.grader.serve;

import com.google.gson.JsonObject;
import ttlab.grader.CommandArg;
import ttlab.grader.grade.Sizes;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ttlab submit NOTEBOOK --url URL --token TOKEN}: hands a notebook in to the submission
 * service, waits for its grade and prints it. {@code submit()} in a notebook does the same
 * ({@link #handIn}).
 */
public final class SubmitCommand {

    static final String USAGE = String.join("\n",
            "usage: ttlab submit NOTEBOOK.ipynb [--url URL] [--token TOKEN] [options]",
            "       ttlab submit --status ID [--url URL] [--token TOKEN]",
            "",
            "Hands a notebook in to the submission service (ttlab serve) and waits for its grade. The",
            "assignment is the notebook's file name (00-warmup.ipynb hands in 00-warmup).",
            "",
            "options:",
            "  --url URL          the service's address (default: $TTLAB_SUBMIT_URL)",
            "  --token TOKEN      your token (default: $TTLAB_SUBMIT_TOKEN, else $JUPYTERHUB_API_TOKEN)",
            "  --assignment NAME  hand in for this assignment, whatever the file is called",
            "  --no-wait          do not wait for the grade",
            "  --timeout SEC      how long to wait for the grade (default 600)",
            "  --status ID        show a submission and its grade",
            "",
            "exit status: 0 handed in (and graded, when waiting); 1 refused by the service, not graded,",
            "or not graded in time; 2 bad usage, or the service cannot be reached.");

    private SubmitCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Path notebook = null;
        String url = env.get("TTLAB_SUBMIT_URL");
        String token = token(env);
        String assignment = null;
        boolean wait = true;
        Duration timeout = Duration.ofSeconds(600);
        Long status = null;
        try {
            for (CommandArg arg : CommandArg.split(args, Set.of("--no-wait"))) {
                if (arg.plain()) {
                    if (notebook != null) {
                        throw new IllegalArgumentException("one notebook at a time, not " + notebook + " and " + arg.value());
                    }
                    notebook = Path.of(arg.value());
                    continue;
                }
                String value = arg.value();
                switch (arg.name()) {
                    case "--no-wait": wait = false; break;
                    case "--url": url = value; break;
                    case "--token": token = value; break;
                    case "--assignment": assignment = value; break;
                    case "--timeout": timeout = Sizes.parseSeconds(value); break;
                    case "--status": status = Long.parseLong(value); break;
                    default: throw new IllegalArgumentException("unknown option " + arg.name());
                }
            }
            if (notebook == null && status == null) {
                throw new IllegalArgumentException("which notebook? ttlab submit NOTEBOOK.ipynb");
            }
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("the service's address is needed: --url URL, or set TTLAB_SUBMIT_URL");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("your token is needed: --token TOKEN, or set TTLAB_SUBMIT_TOKEN");
            }
        } catch (IllegalArgumentException e) {
            err.println("ttlab submit: " + (e instanceof NumberFormatException ? "not a number: " : "") + e.getMessage());
            return 2;
        }
        SubmitClient client = new SubmitClient(URI.create(url), token);
        try {
            if (status != null) {
                JsonObject s = client.submission(status);
                out.print(SubmitClient.describe(s));
                return 0;
            }
            return handIn(client, notebook, assignment, wait, timeout, out);
        } catch (SubmitClient.Refused e) {
            err.println("ttlab submit: refused (" + e.status() + "): " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("ttlab submit: no such notebook: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("ttlab submit: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ttlab submit: interrupted");
            return 2;
        }
    }

    /** The token from the environment: TTLAB_SUBMIT_TOKEN, else JupyterHub's JUPYTERHUB_API_TOKEN. */
    public static String token(Map<String, String> env) {
        String token = env.get("TTLAB_SUBMIT_TOKEN");
        return token != null && !token.isBlank() ? token : env.get("JUPYTERHUB_API_TOKEN");
    }

    /**
     * Hands in a notebook, prints what the service said and, when {@code wait}, the grade. Exercises
     * still left as their stubs are named first, in a warning: part of a set may be handed in.
     *
     * @return 0 handed in (and graded when waiting), 1 not graded (or not in time)
     * @throws SubmitClient.Refused when the service refuses it, with its reason
     */
    public static int handIn(SubmitClient client, Path notebook, String assignment, boolean wait, Duration timeout,
                             PrintStream out) throws IOException, InterruptedException, SubmitClient.Refused {
        byte[] bytes = Files.readAllBytes(notebook);
        Instant saved = Files.getLastModifiedTime(notebook).toInstant();
        String fileName = notebook.getFileName().toString();
        UnansweredExercises.warning(bytes, fileName).ifPresent(out::println);
        JsonObject receipt = client.submit(bytes, fileName, assignment);
        long id = receipt.get("id").getAsLong();
        out.println("Handed in " + fileName + " (" + SubmitClient.size(bytes.length) + ", saved "
                + ago(Duration.between(saved, Instant.now())) + ", sha256 "
                + receipt.get("sha256").getAsString().substring(0, 12) + "...) as submission #" + id + " of "
                + receipt.get("assignment").getAsString() + ".");
        if (receipt.get("days_late").getAsInt() > 0) {
            out.println("It is " + receipt.get("days_late").getAsInt() + " day(s) late: its score counts "
                    + SubmitClient.describePercent(receipt.get("penalty").getAsDouble()) + " less.");
        }
        if (!wait) {
            out.println("Queued for grading; see it with: ttlab submit --status " + id);
            return 0;
        }
        out.print("Grading:");
        out.flush();
        JsonObject done = client.await(id, timeout, s -> {
            out.print(" " + s);
            out.flush();
        });
        out.println();
        out.print(SubmitClient.describe(done));
        String status = done.get("status").getAsString();
        return status.equals("graded") ? 0 : 1;
    }

    private static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s ago";
        }
        if (s < 7200) {
            return s / 60 + " min ago";
        }
        return s / 3600 + " h ago";
    }
}

package ttlab.grader;

import ttlab.grader.serve.SubmitClient;
import ttlab.grader.serve.SubmitCommand;
import ttlab.kernel.exercise.SavedNotebook;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code submit()} in a notebook: hands the notebook in to the course's submission service and
 * shows its grade when it is ready (up to {@link #WAIT}; interrupt the cell to stop waiting: the
 * submission stays handed in).
 *
 * <p>What is handed in is the notebook <em>as last saved</em>: save it (Ctrl+S) first. The notebook
 * is the one this kernel was started for (Jupyter Server tells the kernel in
 * {@code JPY_SESSION_NAME}), or the file named: {@code submit("00-warmup.ipynb")}, relative to the
 * notebook's folder. The service's address is {@code TTLAB_SUBMIT_URL}; the token is
 * {@code TTLAB_SUBMIT_TOKEN}, or on JupyterHub the server's own {@code JUPYTERHUB_API_TOKEN}.
 * While the notebook is being graded, {@code submit()} does nothing.
 */
public final class Submit {

    /** How long {@code submit()} waits for the grade. */
    public static final Duration WAIT = Duration.ofMinutes(5);

    private Submit() {
    }

    /** Hands in this notebook (as last saved) and shows its grade. */
    public static void submit() {
        submit(null);
    }

    /** Hands in the notebook {@code notebook} (a path, relative to this notebook's folder) and shows its grade. */
    public static void submit(String notebook) {
        Map<String, String> env = System.getenv();
        if (env.containsKey("TTLAB_GRADING")) {
            System.out.println("submit(): nothing to do while the notebook is being graded");
            return;
        }
        String url = env.get("TTLAB_SUBMIT_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("submit() needs the address of the course's submission service in the"
                    + " environment variable TTLAB_SUBMIT_URL (ask your instructor), or hand in from a terminal:"
                    + " ./ttlab submit NOTEBOOK.ipynb --url URL --token TOKEN");
        }
        String token = SubmitCommand.token(env);
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("submit() needs your token in the environment variable TTLAB_SUBMIT_TOKEN");
        }
        Path file = notebookFile(notebook, env.get("JPY_SESSION_NAME"), Path.of("").toAbsolutePath());
        try {
            SubmitCommand.handIn(new SubmitClient(URI.create(url), token), file, null, true, WAIT, System.out);
        } catch (SubmitClient.Refused e) {
            throw new IllegalStateException("the submission service refused " + file.getFileName() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("could not hand in " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.out.println("\nStopped waiting; the notebook is handed in and will be graded.");
        }
    }

    /**
     * The notebook to hand in: the one named (relative to {@code folder}), else the session's
     * (Jupyter Server's {@code JPY_SESSION_NAME}: the notebook's path, absolute, or relative to the
     * server's root), else an IllegalStateException that says how to name it.
     */
    static Path notebookFile(String named, String session, Path folder) {
        if (named != null) {
            Path p = folder.resolve(named);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("submit(\"" + named + "\"): there is no notebook " + p);
            }
            return p;
        }
        return SavedNotebook.locate(session, folder).orElseThrow(() -> new IllegalStateException(
                "submit() cannot tell which notebook this is; name it: submit(\"00-warmup.ipynb\")"));
    }
}

package ttlab.grader.grade;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's report file: one {@link WorkerEvent} as JSON per line. The worker writes each line
 * with one unbuffered write, so a line the kernel accepted survives the process being killed; the
 * parent reads the lines back and ignores a last line cut short.
 */
final class WorkerReport implements AutoCloseable {

    static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    private final OutputStream out;

    private WorkerReport(OutputStream out) {
        this.out = out;
    }

    /** Opens the report for appending (the worker's side). */
    static WorkerReport append(Path file) throws IOException {
        return new WorkerReport(new FileOutputStream(file.toFile(), true));
    }

    /** Appends one event; never throws, since a report that cannot be written must not stop grading. */
    synchronized void write(WorkerEvent event) {
        try {
            out.write((JSON.toJson(event) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // Nothing better to do: the parent notices the missing lines.
        }
    }

    /** Reads a report (the parent's side); a line that is not a whole event is skipped. */
    static List<WorkerEvent> read(Path file) throws IOException {
        List<WorkerEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                WorkerEvent event = JSON.fromJson(line, WorkerEvent.class);
                if (event != null && event.event() != null) {
                    events.add(event);
                }
            } catch (JsonParseException e) {
                // a line cut short when the process died
            }
        }
        return events;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}

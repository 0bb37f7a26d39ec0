package ttlab.grader.grade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a grading process's output as fast as it comes, keeping only the first bytes. */
final class OutputDrain extends Thread {

    private final InputStream in;
    private final int keepBytes;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private volatile long total;

    OutputDrain(String name, InputStream in, int keepBytes) {
        super(name);
        setDaemon(true);
        this.in = in;
        this.keepBytes = keepBytes;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream input = in) {
            for (int n; (n = input.read(buffer)) >= 0; ) {
                synchronized (head) {
                    int keep = Math.max(0, Math.min(n, keepBytes - head.size()));
                    head.write(buffer, 0, keep);
                }
                total += n;
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** Every byte read so far. */
    long total() {
        return total;
    }

    /** The first bytes, as text. */
    String head() {
        synchronized (head) {
            return head.toString(StandardCharsets.UTF_8);
        }
    }
}

package ttlab.kernel.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes one answer of a snippet agent may take: reading past the budget fails, so an
 * agent that sends without end costs a bounded amount of memory and time here.
 */
final class AnswerBudget extends FilterInputStream {

    private final long limit;
    private long used;

    AnswerBudget(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Called as a command goes out: its answer starts with a full budget. */
    synchronized void nextAnswer() {
        used = 0;
    }

    @Override
    public synchronized int read() throws IOException {
        spend(1);
        return super.read();
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        spend(1);
        int n = super.read(buffer, offset, (int) Math.min(length, limit - used + 1));
        if (n > 1) {
            spend(n - 1);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping is not part of the protocol");
    }

    private void spend(long bytes) throws IOException {
        used += bytes;
        if (used > limit) {
            throw new IOException("the snippet agent's answer is longer than " + limit + " bytes");
        }
    }
}

package ttlab.grader.grade;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The worker's report file: one {@link WorkerEvent} as JSON per line. The worker writes each line
 * with one unbuffered write, so a line the kernel accepted survives the process being killed.
 *
 * <p>The file is the one channel from the worker to the parent, and the submission's code runs in
 * the worker, so the parent trusts nothing in it that the worker did not sign: every line carries
 * an HMAC under a key that the parent makes for each worker and hands over on the worker's
 * standard input (never in a file, an argument or a property). A line someone else appended, a
 * line with one wrong byte, a line cut short: each costs that line, never the rest. The parent
 * opens the file before the worker starts and reads it through that descriptor, at most
 * {@link #MAX_BYTES}, so that replacing the file (by a named pipe, a link, a huge sparse file)
 * cannot hang or exhaust it.
 */
final class WorkerReport implements AutoCloseable {

    static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    /** The most the parent reads of one report; a worker's honest report is a few hundred kB. */
    static final long MAX_BYTES = 32L << 20;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_HEX = 64;

    private final OutputStream out;
    private final Mac mac;

    private WorkerReport(OutputStream out, byte[] key) {
        this.out = out;
        this.mac = mac(key);
    }

    /** A fresh key for one worker. */
    static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** Opens the report for appending (the worker's side). */
    static WorkerReport append(Path file, byte[] key) throws IOException {
        return new WorkerReport(new FileOutputStream(file.toFile(), true), key);
    }

    /** Appends one event; never throws, since a report that cannot be written must not stop grading. */
    synchronized void write(WorkerEvent event) {
        try {
            byte[] json = JSON.toJson(event).getBytes(StandardCharsets.UTF_8);
            String tag = HexFormat.of().formatHex(mac.doFinal(json));
            byte[] line = new byte[MAC_HEX + 1 + json.length + 1];
            System.arraycopy(tag.getBytes(StandardCharsets.US_ASCII), 0, line, 0, MAC_HEX);
            line[MAC_HEX] = ' ';
            System.arraycopy(json, 0, line, MAC_HEX + 1, json.length);
            line[line.length - 1] = '\n';
            out.write(line);
        } catch (IOException | RuntimeException e) {
            // Nothing better to do: the parent notices the missing lines.
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }

    /**
     * The parent's side: the report opened before the worker starts, read through that descriptor
     * whatever later happens to the path.
     */
    static final class Reader implements AutoCloseable {
        private final FileChannel channel;
        private final Mac mac;
        private int rejected;
        private boolean truncated;

        /** Creates the empty report file and opens it for reading; {@code key} checks its lines. */
        Reader(Path file, byte[] key) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            this.mac = mac(key);
        }

        /** How many bytes the report holds now. */
        long size() throws IOException {
            return channel.size();
        }

        /** Every signed event so far, in order; what is not one is counted in {@link #rejectedLines()}. */
        List<WorkerEvent> read() throws IOException {
            long size = Math.min(channel.size(), MAX_BYTES);
            truncated = channel.size() > MAX_BYTES;
            ByteBuffer bytes = ByteBuffer.allocate((int) size);
            while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
                // read(dst, position) does not move the channel, so positional reads can repeat
            }
            List<WorkerEvent> events = new ArrayList<>();
            rejected = 0;
            byte[] all = bytes.array();
            int start = 0;
            for (int i = 0; i < bytes.position(); i++) {
                if (all[i] == '\n') {
                    WorkerEvent event = parse(all, start, i);
                    if (event != null) {
                        events.add(event);
                    } else {
                        rejected++;
                    }
                    start = i + 1;
                }
            }
            // a last line without its newline was cut short when the process died: not an event yet
            return events;
        }

        /** Lines of the last {@link #read} that were not events signed by the worker. */
        int rejectedLines() {
            return rejected;
        }

        /** True when the report was longer than {@link #MAX_BYTES} at the last {@link #read}. */
        boolean truncated() {
            return truncated;
        }

        private WorkerEvent parse(byte[] all, int start, int end) {
            if (end - start < MAC_HEX + 2 || all[start + MAC_HEX] != ' ') {
                return null;
            }
            byte[] tag;
            try {
                tag = HexFormat.of().parseHex(new String(all, start, MAC_HEX, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                return null;
            }
            mac.update(all, start + MAC_HEX + 1, end - start - MAC_HEX - 1);
            if (!MessageDigest.isEqual(tag, mac.doFinal())) {
                return null;
            }
            try {
                String json = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(all, start + MAC_HEX + 1, end - start - MAC_HEX - 1)).toString();
                WorkerEvent event = JSON.fromJson(json, WorkerEvent.class);
                return event != null && event.event() != null ? event : null;
            } catch (CharacterCodingException | JsonParseException e) {
                return null;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}

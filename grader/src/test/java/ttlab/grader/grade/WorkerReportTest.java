package ttlab.grader.grade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's report as the parent reads it: only the worker's signed lines count, whatever else happens to the file. */
class WorkerReportTest {

    @TempDir
    Path tmp;

    @Test
    void signedLinesAreReadAndAnythingElseCostsOnlyItsLine() throws IOException {
        Path file = tmp.resolve("report.jsonl");
        byte[] key = WorkerReport.newKey();
        try (WorkerReport.Reader reader = new WorkerReport.Reader(file, key);
             WorkerReport worker = WorkerReport.append(file, key)) {
            worker.write(WorkerEvent.start("cell:a"));
            Files.writeString(file, "{\"event\":\"class\",\"unit\":\"class:SquareTests\",\"results\":[]}\n",
                    StandardOpenOption.APPEND); // forged: not signed
            Files.write(file, new byte[] {'a', (byte) 0xff, '\n'}, StandardOpenOption.APPEND); // one invalid byte
            WorkerReport other = WorkerReport.append(file, WorkerReport.newKey()); // signed with another key
            other.write(WorkerEvent.of(WorkerEvent.DONE));
            worker.write(WorkerEvent.of(WorkerEvent.DONE));
            Files.writeString(file, "cut sho", StandardOpenOption.APPEND);
            List<WorkerEvent> events = reader.read();
            assertThat(events).extracting(WorkerEvent::event).containsExactly(WorkerEvent.START, WorkerEvent.DONE);
            assertThat(reader.rejectedLines()).isEqualTo(3);
        }
    }

    @Test
    void aReportReplacedByANamedPipeOrALinkIsNotFollowed() throws Exception {
        Path file = tmp.resolve("report.jsonl");
        byte[] key = WorkerReport.newKey();
        try (WorkerReport.Reader reader = new WorkerReport.Reader(file, key)) {
            WorkerReport.append(file, key).write(WorkerEvent.of(WorkerEvent.DONE));
            Files.delete(file);
            Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
            assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            assertThat(reader.read()).extracting(WorkerEvent::event).containsExactly(WorkerEvent.DONE);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(2));
        }
    }

    @Test
    void aHugeSparseReportIsReadOnlyUpToItsLimit() throws IOException {
        Path file = tmp.resolve("report.jsonl");
        byte[] key = WorkerReport.newKey();
        try (WorkerReport.Reader reader = new WorkerReport.Reader(file, key);
             var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            WorkerReport.append(file, key).write(WorkerEvent.of(WorkerEvent.DONE));
            channel.write(java.nio.ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8)), 8L << 30); // 8 GB, sparse
            assertThat(reader.read()).extracting(WorkerEvent::event).containsExactly(WorkerEvent.DONE);
            assertThat(reader.truncated()).isTrue();
        }
    }
}

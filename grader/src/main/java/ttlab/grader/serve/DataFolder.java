package ttlab.grader.serve;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The service's data folder ({@code --data}): the SQLite database (unless {@code --db} names
 * another), and {@code work/}, where notebooks are graded. One service process uses a folder at a
 * time, which an exclusive lock on {@code serve.lock} enforces: with SQLite, the process that
 * starts knows that every lease it finds is left over from a process that died.
 */
final class DataFolder implements AutoCloseable {

    private final Path root;
    private final FileChannel lockFile;
    private final FileLock lock;

    private DataFolder(Path root, FileChannel lockFile, FileLock lock) {
        this.root = root;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** Creates the folder when needed and locks it; IllegalStateException when another process has it. */
    static DataFolder open(Path root) throws IOException {
        Files.createDirectories(root);
        Files.createDirectories(root.resolve("work"));
        FileChannel channel = FileChannel.open(root.resolve("serve.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the data folder " + root + " is in use by another ttlab serve; give each"
                    + " service its own --data, and share one queue between processes with --db jdbc:postgresql://...");
        }
        return new DataFolder(root, channel, lock);
    }

    Path root() {
        return root;
    }

    /** The default database: {@code DIR/ttlab.db}. */
    String sqliteUrl() {
        return "jdbc:sqlite:" + root.resolve("ttlab.db").toAbsolutePath();
    }

    /** Where grading happens; emptied at start (what is there is left from a process that died). */
    Path work() {
        return root.resolve("work");
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockFile.close();
    }
}

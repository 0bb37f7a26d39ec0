package ttlab.grader.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/** Named pipes (FIFOs) between a grading host and its agent, made with coreutils' {@code mkfifo}. */
final class NamedPipes {

    private NamedPipes() {
    }

    /**
     * Makes the pipe; readable and writable by all, since the processes at its ends run as
     * another user in the sandbox (the folder around it stays the grader's).
     */
    static Path make(Path pipe) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "666", pipe.toString()).redirectErrorStream(true).start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS)) {
            mkfifo.destroyForcibly();
            throw new IOException("mkfifo did not answer within 10 s");
        }
        String printed = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (mkfifo.exitValue() != 0 || !Files.exists(pipe)) {
            throw new IOException("mkfifo " + pipe + " failed: " + printed);
        }
        // mkfifo -m is subject to nothing but its own mode; set it again in case of an odd umask handling
        Files.setPosixFilePermissions(pipe, PosixFilePermissions.fromString("rw-rw-rw-"));
        return pipe;
    }
}

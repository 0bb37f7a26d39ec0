package ttlab.course.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * How many threads PyTorch uses inside one operation. The course's models are small: their
 * matrix products gain little from a second thread, and PyTorch's default pool (a thread per core,
 * waiting by spinning) is slowed down many times over when the cores are shared with other work.
 * Measured on a 2-core machine under load, a two-layer attention-only model took about 2 s per
 * step with the default pool and 0.06 s with one thread. {@link Training} runs on one thread
 * unless told otherwise ({@code .threads(n)}).
 */
public final class EngineThreads {

    private EngineThreads() {
    }

    /** The number of intra-op threads PyTorch uses now. */
    public static int current() {
        Engine.getEngine("PyTorch");                 // loads the native library the call goes to
        return JniUtils.getNumThreads();
    }

    /** Sets PyTorch's intra-op threads for the whole process; returns the number before. */
    public static int set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        int before = current();
        JniUtils.setNumThreads(threads);
        return before;
    }
}

package ttlab.course.ssm;

/** Why the GPU path cannot run here: no driver, no device, a driver too old, no PTX in the jar. */
public final class GpuUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception whose message is the reason, in words a user can act on. */
    public GpuUnavailableException(String reason) {
        super(reason);
    }
}

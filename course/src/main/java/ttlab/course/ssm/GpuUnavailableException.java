package ttlab.course.ssm;

/** Why the GPU path cannot run here: no driver, no device, a driver too old, no PTX in the jar. */
public final class GpuUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public GpuUnavailableException(String reason) {
        super(reason);
    }
}

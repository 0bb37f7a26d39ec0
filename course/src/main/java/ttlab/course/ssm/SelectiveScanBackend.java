package ttlab.course.ssm;

/** Something that computes a selective scan in float32: the CPU loops or the GPU kernel. */
public interface SelectiveScanBackend {

    /** What runs the scan, in words (e.g. "CPU, parallel over 2 cores"). */
    String name();

    /** y, (batch, D, L) row-major: see {@link SelectiveScanInputs}. */
    float[] run(SelectiveScanInputs inputs);
}

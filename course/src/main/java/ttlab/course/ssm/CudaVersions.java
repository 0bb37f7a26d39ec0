package ttlab.course.ssm;

import java.util.Map;

/**
 * CUDA versions as the driver API reports them (cuDriverGetVersion: 1000·major + 10·minor),
 * the PTX ISA version each CUDA release introduced, and the Linux driver branch that first
 * supported each release (NVIDIA's CUDA Toolkit and PTX ISA release notes).
 */
public final class CudaVersions {

    /** PTX ISA version → the CUDA release that introduced it. */
    private static final Map<String, Integer> PTX_ISA = Map.ofEntries(
            Map.entry("7.0", 11000), Map.entry("7.1", 11010), Map.entry("7.2", 11020),
            Map.entry("7.3", 11030), Map.entry("7.4", 11040), Map.entry("7.5", 11050),
            Map.entry("7.6", 11060), Map.entry("7.7", 11070), Map.entry("7.8", 11080),
            Map.entry("8.0", 12000), Map.entry("8.1", 12010), Map.entry("8.2", 12020),
            Map.entry("8.3", 12030), Map.entry("8.4", 12040), Map.entry("8.5", 12050),
            Map.entry("8.6", 12070), Map.entry("8.7", 12080), Map.entry("8.8", 12090),
            Map.entry("9.0", 13000));

    /** CUDA release → the first Linux driver branch that supports it. */
    private static final Map<Integer, String> DRIVER_BRANCH = Map.ofEntries(
            Map.entry(12000, "525"), Map.entry(12010, "530"), Map.entry(12020, "535"),
            Map.entry(12030, "545"), Map.entry(12040, "550"), Map.entry(12050, "555"),
            Map.entry(12060, "560"), Map.entry(12070, "570"), Map.entry(12080, "570"),
            Map.entry(12090, "575"), Map.entry(13000, "580"));

    private CudaVersions() {
    }

    /** The CUDA version that introduced a PTX ISA version; for an unknown one, an exception. */
    public static int forPtxIsa(String isa) {
        Integer cuda = PTX_ISA.get(isa);
        if (cuda == null) {
            throw new IllegalArgumentException("unknown PTX ISA version " + isa);
        }
        return cuda;
    }

    /** "12.4" for 12040. */
    public static String format(int version) {
        return (version / 1000) + "." + (version % 1000) / 10;
    }

    /** "CUDA 12.0 (Linux driver R525 or newer)", or without the branch when it is not known. */
    public static String describeDriverFor(int cuda) {
        String branch = DRIVER_BRANCH.get(cuda);
        return "CUDA " + format(cuda) + (branch == null ? "" : " (Linux driver R" + branch + " or newer)");
    }
}

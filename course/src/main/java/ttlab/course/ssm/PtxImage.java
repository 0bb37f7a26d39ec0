package ttlab.course.ssm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PTX of the GPU selective scan as built into the jar (src/main/cuda/build-ptx.sh), with
 * what the loader must know before handing it to the driver: its PTX ISA version, which decides
 * the oldest driver that can compile it, and its kernel entry points.
 *
 * @param text    the PTX source
 * @param isa     the ".version" line's value, e.g. "8.0"
 * @param target  the ".target" line's value, e.g. "sm_75"
 * @param entries the names of the kernels (".entry")
 */
public record PtxImage(String text, String isa, String target, List<String> entries) {

    /** Where the build puts the PTX in the jar. */
    public static final String RESOURCE = "/ttlab/course/ssm/selective_scan.ptx";

    /** What the build recorded: nvcc present or absent, its version, ptxas figures. */
    public static final String BUILD_INFO = "/ttlab/course/ssm/selective_scan.properties";

    private static final Pattern VERSION = Pattern.compile("(?m)^\\s*\\.version\\s+(\\d+\\.\\d+)\\s*$");
    private static final Pattern TARGET = Pattern.compile("(?m)^\\s*\\.target\\s+([\\w,\\s]+?)\\s*$");
    private static final Pattern ENTRY = Pattern.compile("\\.entry\\s+(\\w+)\\s*\\(");

    /** The PTX in the jar, or empty when the build had no nvcc. */
    public static Optional<PtxImage> fromJar() {
        try (InputStream in = PtxImage.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty()
                    : Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The build's record (empty when the jar has none). */
    public static Properties buildInfo() {
        Properties info = new Properties();
        try (InputStream in = PtxImage.class.getResourceAsStream(BUILD_INFO)) {
            if (in != null) {
                info.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILD_INFO, e);
        }
        return info;
    }

    /** Reads the header and the entry points of PTX text. */
    public static PtxImage parse(String text) {
        Matcher version = VERSION.matcher(text);
        if (!version.find()) {
            throw new IllegalArgumentException("not PTX: no .version line");
        }
        Matcher target = TARGET.matcher(text);
        List<String> entries = new ArrayList<>();
        Matcher entry = ENTRY.matcher(text);
        while (entry.find()) {
            entries.add(entry.group(1));
        }
        return new PtxImage(text, version.group(1), target.find() ? target.group(1).trim() : "?", List.copyOf(entries));
    }

    /**
     * The oldest CUDA version (as cuDriverGetVersion reports it, 1000·major + 10·minor) whose
     * driver accepts this PTX ISA version (NVIDIA, PTX ISA reference, "Release notes").
     */
    public int requiredCudaVersion() {
        return CudaVersions.forPtxIsa(isa);
    }
}

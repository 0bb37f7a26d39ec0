package ttlab.kernel;

/** The kernel's version, from the jar manifest (Maven writes it), for kernel_info replies. */
final class KernelVersion {

    private KernelVersion() {
    }

    static String get() {
        String version = KernelVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}

package ttlab.jjava;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import ttlab.kernel.JavaKernel;
import ttlab.kernel.display.CourseRenderers;

import java.util.ArrayList;
import java.util.List;

/**
 * The course on an upstream JJava kernel. JJava installs this extension when the jar is on its
 * class path ({@code JJAVA_CLASSPATH}, or {@code %jars}): it registers the course's renderers
 * (charts, images, tables, arrays, records) with the kernel's renderer and imports what course
 * notebooks use, including {@code check(...)}.
 *
 * <p>It uses only what jjava-jupyter 1.0-a6 and later releases share: {@link Extension},
 * {@link BaseKernel#getRenderer()} and {@link BaseKernel#evalRaw(String)}.
 */
public final class CourseExtension implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        if (kernel instanceof JavaKernel) {
            return; // the ttlab kernel has all of this built in
        }
        CourseRenderers.registerAll(kernel.getRenderer());
        List<String> failed = new ArrayList<>();
        for (String name : CourseImports.forJJava()) {
            try {
                kernel.evalRaw("import " + name + ";");
            } catch (RuntimeException e) {
                failed.add(name + " (" + e.getMessage() + ")");
            }
        }
        if (!failed.isEmpty()) {
            // Start-up output goes to the kernel's log; a notebook then fails on the missing name.
            System.err.println("ttlab: these course imports failed: " + String.join(", ", failed));
        }
    }
}

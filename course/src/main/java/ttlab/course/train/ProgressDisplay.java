package ttlab.course.train;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Shows a line of text that later updates replace: the live progress line of a training run.
 *
 * <p>The course library cannot depend on a notebook kernel (the kernel depends on it), so a
 * kernel offers its display through {@link ServiceLoader}: it lists an implementation in
 * {@code META-INF/services/ttlab.course.train.ProgressDisplay}. An implementation answers
 * empty where it cannot show anything (no notebook is running); then, and where no kernel is
 * on the class path at all (a unit test, the grader), each update is printed as its own line on
 * standard output.
 */
public interface ProgressDisplay {

    /** One line on screen; {@link #update} replaces its text. */
    interface Line {
        void update(String text);
    }

    /** Opens a line showing {@code text}, or empty when this display cannot show one here. */
    Optional<Line> open(String text);

    /** A line from the first display that can show one, else a line printed to standard output. */
    static Line openLine(String text) {
        Iterator<ProgressDisplay> displays = ServiceLoader.load(ProgressDisplay.class, ProgressDisplay.class.getClassLoader()).iterator();
        while (hasNext(displays)) {
            Optional<Line> line = displays.next().open(text);
            if (line.isPresent()) {
                return line.get();
            }
        }
        System.out.println(text);
        return System.out::println;
    }

    private static boolean hasNext(Iterator<ProgressDisplay> displays) {
        try {
            return displays.hasNext();
        } catch (ServiceConfigurationError e) {
            // A listed display that cannot load (its kernel's classes are missing) is no display.
            return false;
        }
    }
}

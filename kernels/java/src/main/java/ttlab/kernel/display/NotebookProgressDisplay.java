package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import ttlab.course.train.ProgressDisplay;

import java.util.Optional;
import java.util.UUID;

/**
 * The course's progress line in a notebook: one display that each update replaces, so a
 * training cell shows a single live line instead of a scroll of them. Found by the course
 * library through {@link java.util.ServiceLoader}; it works on any kernel built on
 * jjava-jupyter (this one, and upstream JJava with the course jar). Outside a running notebook
 * (the grader, a unit test) there is no kernel and it answers empty.
 */
public final class NotebookProgressDisplay implements ProgressDisplay {

    @Override
    public Optional<Line> open(String text) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        if (kernel == null) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        kernel.display(DisplayIds.assign(new DisplayData(text), id));
        return Optional.of(update -> kernel.getIO().display.updateDisplay(id, new DisplayData(update)));
    }
}

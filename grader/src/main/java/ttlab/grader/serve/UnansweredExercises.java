package ttlab.grader.serve;

import ttlab.grader.assign.SolutionStub;
import ttlab.grader.notebook.Cell;
import ttlab.grader.notebook.CellRole;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookException;
import ttlab.grader.notebook.NotebookReader;
import ttlab.grader.notebook.TtlabMetadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The exercises of a notebook about to be handed in whose solution cells still hold the stub that
 * {@code assign} wrote ({@code throw new UnsupportedOperationException("not implemented yet: ...")}):
 * the student has not answered them, or not all of their methods, and they can earn no points. It
 * is a warning, not a refusal: handing in part of a set is allowed.
 */
public final class UnansweredExercises {

    private UnansweredExercises() {
    }

    /** Exercise ids in notebook order; none for a notebook that cannot be read (the grader will say why). */
    public static List<String> in(byte[] notebook, String name) {
        Notebook read;
        try {
            read = NotebookReader.parse(notebook, name);
        } catch (NotebookException e) {
            return List.of();
        }
        Set<String> stubs = new LinkedHashSet<>();
        for (Cell cell : read.cells()) {
            if (!cell.isCode()) {
                continue;
            }
            Optional<String> exercise = solutionExercise(cell, name);
            if (exercise.isPresent() && cell.source().contains(SolutionStub.statement(exercise.get()))) {
                stubs.add(exercise.get());
            }
        }
        return new ArrayList<>(stubs);
    }

    /** What to print before handing in; empty when every exercise has an answer. */
    public static Optional<String> warning(byte[] notebook, String name) {
        List<String> stubs = in(notebook, name);
        if (stubs.isEmpty()) {
            return Optional.empty();
        }
        String which = stubs.size() == 1 ? "1 exercise is" : stubs.size() + " exercises are";
        return Optional.of("Warning: " + which + " still the stub you were given (\"not implemented yet\") and will"
                + " earn no points: " + String.join(", ", stubs) + ". Handing in anyway; hand in again when"
                + " you have answered " + (stubs.size() == 1 ? "it" : "them") + ".");
    }

    private static Optional<String> solutionExercise(Cell cell, String name) {
        try {
            TtlabMetadata metadata = TtlabMetadata.of(cell, name);
            return metadata.hasRole(CellRole.SOLUTION) ? metadata.exercise() : Optional.empty();
        } catch (NotebookException e) {
            return Optional.empty(); // a cell whose metadata the student broke: the grader reports it
        }
    }
}

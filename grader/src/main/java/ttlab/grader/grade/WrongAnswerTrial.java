package ttlab.grader.grade;

import ttlab.grader.assign.MasterNotebook;
import ttlab.grader.assign.StudentCopy;
import ttlab.grader.notebook.Cell;
import ttlab.grader.notebook.CellRole;
import ttlab.grader.notebook.GradedNotebook;
import ttlab.grader.notebook.GradedNotebook.GradedCell;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookException;
import ttlab.grader.notebook.TtlabMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One wrong answer of a master, made into a hand-in: the student copy with every exercise answered
 * as the master answers it, except that the wrong answer's source stands in for the solution cell
 * it replaces. Graded like any hand-in, it must lose points in its own exercise and nowhere else.
 *
 * @param master      the master's path, as messages name it
 * @param cellId      the wrong-answer cell's id
 * @param cellNumber  its position in the master, counted from 1 as JupyterLab shows it
 * @param exercise    the exercise it gets wrong
 * @param mistake     the mistake, in the author's words
 * @param replaced    the id of the solution cell it stands in for
 * @param alsoAffects exercises that build on this one and may lose points with it
 * @param submission  the notebook to grade
 */
record WrongAnswerTrial(String master, String cellId, int cellNumber, String exercise, String mistake,
                        String replaced, Set<String> alsoAffects, Notebook submission) {

    WrongAnswerTrial {
        alsoAffects = Set.copyOf(alsoAffects);
    }

    /** Every wrong answer of a checked master, in notebook order; none when it has none. */
    static List<WrongAnswerTrial> of(MasterNotebook master) throws NotebookException {
        GradedNotebook graded = master.graded();
        List<WrongAnswerTrial> trials = new ArrayList<>();
        for (GradedCell wrong : graded.cellsWith(CellRole.WRONG_ANSWER)) {
            TtlabMetadata.WrongAnswer answer = wrong.metadata().wrongAnswer().orElseThrow();
            String replaced = graded.replacedBy(wrong).cell().id();
            Notebook submission = StudentCopy.of(master);
            for (Cell cell : submission.cells()) {
                if (cell.id().equals(replaced)) {
                    cell.setSource(wrong.cell().source());
                } else if (graded.cell(cell.id()).orElseThrow().hasRole(CellRole.SOLUTION)) {
                    cell.setSource(graded.cell(cell.id()).orElseThrow().cell().source());
                }
            }
            trials.add(new WrongAnswerTrial(graded.name(), wrong.cell().id(), wrong.cell().number(),
                    wrong.metadata().exercise().orElseThrow(), answer.mistake(), replaced,
                    Set.copyOf(answer.alsoAffects()), submission));
        }
        return trials;
    }

    /** The results folder's name: the master's file name without .ipynb, and the cell's id. */
    String id() {
        String file = master.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        return (file.endsWith(".ipynb") ? file.substring(0, file.length() - ".ipynb".length()) : file) + "--" + cellId;
    }
}

package ttlab.grader.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Leaves out of a replay the cells whose running cannot change a grade:
 *
 * <ul>
 *   <li>cells that only call {@code check(...)}: while grading, {@code check} does nothing (see
 *       {@link GradingEngine#CHECK_DOES_NOTHING}), unless the student declared a {@code check}
 *       method of their own, in which case every cell runs;</li>
 *   <li>a tests cell none of whose declarations (test classes, helper methods) a later replayed
 *       cell mentions: the master's version of every tests cell is evaluated after the replay
 *       anyway, so the student's copy would only be compiled to be replaced.</li>
 * </ul>
 *
 * A cell mentioned by name is kept whatever it is, so that a student's cell that uses a test
 * class (a self-check, say) compiles as it did in JupyterLab.
 */
final class ReplayTrimming {

    /** Statements that are all {@code check(...);} calls, with comments and blank lines between them. */
    private static final Pattern ONLY_CHECK_CALLS = Pattern.compile(
            "(\\s*(//[^\\n]*|/\\*.*?\\*/)?)*(\\s*check\\s*\\([^;{}]*\\)\\s*;?(\\s*(//[^\\n]*|/\\*.*?\\*/)?)*)+\\s*",
            Pattern.DOTALL);

    /** A method named check declared by the student: a type, then {@code check(}. */
    private static final Pattern DECLARES_CHECK = Pattern.compile("\\b[\\w<>\\[\\]]+\\s+check\\s*\\(");

    private ReplayTrimming() {
    }

    static List<WorkerRequest.ReplayStep> trim(List<WorkerRequest.ReplayStep> steps, Set<String> testsSteps) {
        boolean ownCheck = steps.stream().anyMatch(s -> DECLARES_CHECK.matcher(s.code()).find());
        boolean[] skippable = new boolean[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            skippable[i] = !ownCheck && onlyChecks(steps.get(i).code());
        }
        List<WorkerRequest.ReplayStep> kept = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            WorkerRequest.ReplayStep step = steps.get(i);
            if (skippable[i] || testsSteps.contains(step.unit()) && !usedLater(step, steps, skippable, i + 1)) {
                continue;
            }
            kept.add(step);
        }
        return kept;
    }

    static boolean onlyChecks(String code) {
        return !code.isBlank() && ONLY_CHECK_CALLS.matcher(code).matches();
    }

    /** Whether a cell from {@code from} on (other than a check-only cell) names what {@code tests} declares. */
    private static boolean usedLater(WorkerRequest.ReplayStep tests, List<WorkerRequest.ReplayStep> steps,
                                     boolean[] skippable, int from) {
        Set<String> declared = DeclaredNames.of(tests.code());
        if (declared.isEmpty()) {
            return false;
        }
        Pattern anyName = Pattern.compile(declared.stream().map(Pattern::quote)
                .collect(Collectors.joining("|", "\\b(?:", ")\\b")));
        for (int i = from; i < steps.size(); i++) {
            if (!skippable[i] && anyName.matcher(steps.get(i).code()).find()) {
                return true;
            }
        }
        return false;
    }
}

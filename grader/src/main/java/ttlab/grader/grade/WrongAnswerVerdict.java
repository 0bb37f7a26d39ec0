package ttlab.grader.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What grading a {@link WrongAnswerTrial} proved. It proves the exercise's tests when it compiled
 * as a replacement of its solution cell, lost points in its own exercise, and kept full marks in
 * every other exercise but those it names in {@code also-affects}.
 *
 * @param trial     the wrong answer
 * @param kept      the points its own exercise kept
 * @param max       the points its own exercise is worth
 * @param elsewhere other exercises that lost points, not named in also-affects, with points kept of max
 * @param invalid   why the grading proves nothing about the tests ("" when it does): the wrong
 *                  answer did not compile, broke the grading, or changed the stub's signature
 */
record WrongAnswerVerdict(WrongAnswerTrial trial, double kept, double max, Map<String, String> elsewhere,
                          String invalid) {

    WrongAnswerVerdict {
        elsewhere = Map.copyOf(elsewhere);
    }

    static WrongAnswerVerdict judge(WrongAnswerTrial trial, SubmissionResult result) {
        if (!result.gradable()) {
            return new WrongAnswerVerdict(trial, 0, 0, Map.of(), String.join("; ", result.problems()));
        }
        Map<String, double[]> points = new LinkedHashMap<>(); // exercise -> {kept, max}
        for (GradedTest test : result.tests()) {
            double[] p = points.computeIfAbsent(test.exercise(), e -> new double[2]);
            p[0] += test.score();
            p[1] += test.maxPoints();
        }
        double[] own = points.getOrDefault(trial.exercise(), new double[2]);
        Map<String, String> elsewhere = new LinkedHashMap<>();
        points.forEach((exercise, p) -> {
            if (!exercise.equals(trial.exercise()) && !trial.alsoAffects().contains(exercise) && lost(p)) {
                elsewhere.put(exercise, keptOf(p[0], p[1]));
            }
        });
        return new WrongAnswerVerdict(trial, SubmissionResult.round(own[0]), SubmissionResult.round(own[1]),
                elsewhere, invalidity(trial, result));
    }

    private static boolean lost(double[] p) {
        return SubmissionResult.round(p[0]) < SubmissionResult.round(p[1]);
    }

    /**
     * A wrong answer that does not compile fails its exercise whatever the tests say; one that
     * changes the stub's signature is refused before they judge it; a grading that failed judged
     * nothing. None of them proves anything about the tests.
     */
    private static String invalidity(WrongAnswerTrial trial, SubmissionResult result) {
        List<String> reasons = new ArrayList<>();
        // A worker that failed for its own reasons (not the submission's) leaves every test unrun.
        result.tests().stream().map(GradedTest::message).filter(m -> m.startsWith("not run: the grader failed"))
                .findFirst().ifPresent(reasons::add);
        for (String problem : result.problems()) {
            if (CellPlaces.isAbout(problem, trial.replaced(), "did not compile", "was left out", "declares ")) {
                reasons.add(problem);
            }
        }
        return String.join("; ", reasons);
    }

    /** True when the tests rejected this wrong answer, and only in the exercises they should. */
    boolean proves() {
        return invalid.isEmpty() && max > 0 && kept < max && elsewhere.isEmpty();
    }

    /** One line for the author: where, which exercise, the mistake, the points, and what is wrong. */
    String line() {
        String head = trial.master() + " cell " + trial.cellNumber() + " ('" + trial.cellId() + "') "
                + trial.exercise() + ": " + trial.mistake() + ": ";
        if (!invalid.isEmpty()) {
            return head + "PROVES NOTHING: " + invalid;
        }
        String points = "kept " + keptOf(kept, max);
        List<String> faults = new ArrayList<>();
        if (max == 0) {
            faults.add("its exercise has no tests worth points");
        } else if (kept >= max) {
            faults.add("NOT REJECTED: it passes every test of " + trial.exercise());
        }
        if (!elsewhere.isEmpty()) {
            List<String> others = new ArrayList<>();
            elsewhere.forEach((exercise, p) -> others.add(exercise + " (kept " + p + ")"));
            faults.add("ALSO LOSES POINTS in " + String.join(", ", others)
                    + ": fix that exercise's tests, or name it in also-affects if it calls " + trial.exercise());
        }
        return head + points + (faults.isEmpty() ? ": rejected" : ": " + String.join("; ", faults));
    }

    private static String keptOf(double kept, double max) {
        return ResultsWriter.number(SubmissionResult.round(kept)) + " of " + ResultsWriter.number(SubmissionResult.round(max));
    }
}

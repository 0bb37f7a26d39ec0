package ttlab.grader.grade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the workers of one submission reported, across restarts: how each replayed cell and
 * test cell went, each test class's results, and the decisions taken when a worker died (a test
 * that killed its worker is quarantined: it counts as failed with the reason, and the next worker
 * runs its class without it). The parent alone keeps this; a worker only appends events.
 */
final class GradingLog {

    private final Map<String, WorkerEvent> cells = new LinkedHashMap<>();
    private final Map<String, WorkerEvent> testCells = new LinkedHashMap<>();
    private final Map<String, WorkerEvent.DeclaredClass> declared = new LinkedHashMap<>();
    private final Map<String, List<WorkerEvent.TestRow>> classResults = new LinkedHashMap<>();
    private final Map<String, List<String>> discoveryIssues = new LinkedHashMap<>();
    private final Map<String, String> failedClasses = new LinkedHashMap<>();
    private final Map<String, String> quarantined = new LinkedHashMap<>();
    private final Map<String, String> skippedUnits = new LinkedHashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private final Map<String, WorkerEvent> refusals = new LinkedHashMap<>();
    private final List<String> setupWarnings = new ArrayList<>();
    private String unfinished;
    private boolean newQuarantine;

    /** Takes in one worker's events. */
    void absorb(List<WorkerEvent> events) {
        newQuarantine = false;
        for (WorkerEvent e : events) {
            switch (e.event()) {
                case WorkerEvent.CELL:
                    if (e.unit().equals("setup")) {
                        if (setupWarnings.isEmpty() && e.notes() != null) {
                            setupWarnings.addAll(e.notes());
                        }
                    } else {
                        cells.putIfAbsent(e.unit(), e);
                    }
                    break;
                case WorkerEvent.TESTS_CELL:
                    testCells.put(e.unit(), e);
                    if (e.classes() != null) {
                        e.classes().forEach(c -> declared.put(c.name(), c));
                    }
                    break;
                case WorkerEvent.CLASS:
                    String name = className(e.unit());
                    classResults.put(name, e.results() == null ? List.of() : e.results());
                    if (e.notes() != null && !e.notes().isEmpty()) {
                        discoveryIssues.put(name, e.notes());
                    }
                    break;
                case WorkerEvent.CLASS_ABORTED:
                    blame(className(e.unit()), e.culpritClass(), e.culpritMethod(), e.message());
                    break;
                case WorkerEvent.REFUSED:
                    refusals.putIfAbsent(e.unit() + "|" + e.message() + "|" + e.notes(), e);
                    break;
                case WorkerEvent.OUTPUT_CAPPED:
                case WorkerEvent.NOTE:
                    notes.add(e.message());
                    break;
                default:
                    break;
            }
        }
    }

    /**
     * A test class could not finish because of {@code reason}. With a culprit test, that test is
     * quarantined and the class will run again without it; without one the class fails as a whole.
     */
    void blame(String testClass, String culpritClass, String culpritMethod, String reason) {
        boolean culpritInClass = culpritClass != null && culpritMethod != null
                && TestInventory.outer(culpritClass).equals(testClass);
        if (culpritInClass && quarantined.putIfAbsent(culpritClass + "#" + culpritMethod, reason) == null) {
            newQuarantine = true;
            return;
        }
        failedClasses.putIfAbsent(testClass, reason);
    }

    /** True when the last {@link #absorb} quarantined a test, so its class must run again. */
    boolean needsRerun() {
        return newQuarantine;
    }

    /** A cell (or test cell) that killed its worker is left out from now on. */
    void skip(String unit, String why) {
        skippedUnits.putIfAbsent(unit, why);
    }

    /** Grading stops here: tests without a result yet are reported as not run, for this reason. */
    void stop(String reason) {
        if (unfinished == null) {
            unfinished = reason;
        }
    }

    void note(String note) {
        notes.add(note);
    }

    /** Classes that need not run again: they have results, or failed as a whole. */
    Set<String> settledClasses() {
        Set<String> settled = new LinkedHashSet<>(classResults.keySet());
        settled.addAll(failedClasses.keySet());
        return settled;
    }

    static String className(String unit) {
        return unit.substring(unit.indexOf(':') + 1);
    }

    Map<String, WorkerEvent> cells() {
        return Collections.unmodifiableMap(cells);
    }

    Optional<WorkerEvent> testCell(String unit) {
        return Optional.ofNullable(testCells.get(unit));
    }

    Optional<WorkerEvent.DeclaredClass> declared(String className) {
        return Optional.ofNullable(declared.get(className));
    }

    /** Classes the workers found in the test cells, in the order found. */
    Set<String> declaredClasses() {
        return Collections.unmodifiableSet(declared.keySet());
    }

    Optional<List<WorkerEvent.TestRow>> results(String className) {
        return Optional.ofNullable(classResults.get(className));
    }

    Map<String, List<String>> discoveryIssues() {
        return Collections.unmodifiableMap(discoveryIssues);
    }

    Optional<String> classFailure(String className) {
        return Optional.ofNullable(failedClasses.get(className));
    }

    /** Quarantined tests ({@code Class#method}) with the reason. */
    Map<String, String> quarantined() {
        return Collections.unmodifiableMap(quarantined);
    }

    Map<String, String> skippedUnits() {
        return Collections.unmodifiableMap(skippedUnits);
    }

    Set<String> notes() {
        return Collections.unmodifiableSet(notes);
    }

    /** What the bytecode allowlist refused, once each, across workers. */
    List<WorkerEvent> refusals() {
        return List.copyOf(refusals.values());
    }

    List<String> setupWarnings() {
        return Collections.unmodifiableList(setupWarnings);
    }

    Optional<String> unfinished() {
        return Optional.ofNullable(unfinished);
    }
}

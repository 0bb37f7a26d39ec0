package ttlab.grader.grade;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import ttlab.grader.notebook.CellRole;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a master's tests must find as the master means them. The master's test cells are
 * compiled in the student's shell, where a top-level declaration wins over every import: a
 * student's {@code @interface Test}, {@code assertThat}, class {@code Math}, variable {@code org}
 * or redefined helper would change what the tests check. So, before the tests are evaluated, the
 * worker sets aside every declaration and single import of the submission whose name the tests
 * (or the master's locked helper cells) use without declaring it, unless the master itself means
 * students to declare that name (it is declared in one of its solution or ordinary cells); then
 * it evaluates the master's locked cells again, so that their helpers are the master's.
 *
 * <p>Names decide here, and nothing else is needed: after the set-aside, a name the tests use
 * resolves either to the tests' own declarations, to a declaration the master intends students to
 * write, or to the imports (JUnit, AssertJ, the JDK, the course library).
 *
 * @param reserved names students may not declare while the tests run
 * @param restore  the master's locked code cells, evaluated after the set-aside
 */
record ReservedNames(Set<String> reserved, List<WorkerRequest.ReplayStep> restore) {

    static ReservedNames of(Master master) {
        Set<String> used = new LinkedHashSet<>();
        Set<String> intended = new LinkedHashSet<>();
        Set<String> lockedNames = new LinkedHashSet<>();
        List<WorkerRequest.ReplayStep> restore = new ArrayList<>();
        for (Master.MasterCell cell : master.cells()) {
            if (!cell.code()) {
                continue;
            }
            if (cell.isTests()) {
                used.addAll(usedNames(cell.source()));
            } else if (cell.hasRole(CellRole.LOCKED)) {
                used.addAll(usedNames(cell.source()));
                lockedNames.addAll(DeclaredNames.of(cell.source()));
                restore.add(new WorkerRequest.ReplayStep("restore:" + cell.id(), ReplayPlan.label(cell.id())
                        + " (the course's version, before the tests)", cell.source()));
            } else {
                intended.addAll(DeclaredNames.of(cell.source()));
            }
        }
        Set<String> reserved = new LinkedHashSet<>(used);
        reserved.removeAll(intended);
        reserved.addAll(lockedNames);
        return new ReservedNames(Set.copyOf(reserved), List.copyOf(restore));
    }

    /** The simple names a cell refers to and does not declare itself (locals, members, classes, type variables). */
    static Set<String> usedNames(String cell) {
        Set<String> used = new LinkedHashSet<>();
        Set<String> declared = new LinkedHashSet<>();
        for (CellParser.Snippet snippet : CellParser.forThisThread().parse(cell)) {
            if (snippet.imports() || snippet.wrapper() == null) {
                continue;
            }
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitIdentifier(IdentifierTree tree, Void unused) {
                    used.add(tree.getName().toString());
                    return null;
                }

                @Override
                public Void visitVariable(VariableTree tree, Void unused) {
                    declared.add(tree.getName().toString());
                    return super.visitVariable(tree, unused);
                }

                @Override
                public Void visitMethod(MethodTree tree, Void unused) {
                    declared.add(tree.getName().toString());
                    return super.visitMethod(tree, unused);
                }

                @Override
                public Void visitClass(ClassTree tree, Void unused) {
                    declared.add(tree.getSimpleName().toString());
                    return super.visitClass(tree, unused);
                }

                @Override
                public Void visitTypeParameter(TypeParameterTree tree, Void unused) {
                    declared.add(tree.getName().toString());
                    return super.visitTypeParameter(tree, unused);
                }
            }.scan(snippet.wrapper(), null);
        }
        declared.remove(CellParser.WRAPPER);
        used.removeAll(declared);
        return used;
    }
}

package ttlab.grader.grade;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import ttlab.grader.notebook.CellRole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The methods an exercise asks for keep the signatures of the student's stub. A test such as
 * {@code assertThat(square(3)).isEqualTo(9L)} compiles just as well against a {@code square} that
 * returns an object of the student's whose {@code equals} says yes to everything, so a method
 * named as a solution cell's method must be declared with one of the master's signatures (type
 * parameters, parameter types and return type; names, modifiers and bodies are free). Otherwise
 * every test of that exercise fails, saying which declaration differs.
 */
final class SignatureCheck {

    /** A declaration of the student's that differs from what its exercise asks for. */
    record Mismatch(String exercise, String cell, String method, String declared, Set<String> expected) {

        String message() {
            return "not counted: " + cell + " declares " + method + " as " + declared
                    + ", but the exercise asks for " + String.join(" or ", expected)
                    + "; keep the signature of the stub";
        }
    }

    private SignatureCheck() {
    }

    static List<Mismatch> check(Master master, ReplayPlan plan) {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        Map<String, String> exerciseOf = new LinkedHashMap<>();
        for (Master.MasterCell cell : master.cells()) {
            if (cell.code() && cell.hasRole(CellRole.SOLUTION) && cell.exercise().isPresent()) {
                for (MethodTree m : methods(cell.source())) {
                    expected.computeIfAbsent(m.getName().toString(), k -> new LinkedHashSet<>()).add(signature(m));
                    exerciseOf.put(m.getName().toString(), cell.exercise().get());
                }
            }
        }
        List<Mismatch> mismatches = new ArrayList<>();
        for (ApiScanner.StudentCell cell : plan.authored()) {
            for (MethodTree m : methods(cell.source())) {
                String name = m.getName().toString();
                Set<String> wanted = expected.get(name);
                if (wanted != null && !wanted.contains(signature(m))) {
                    mismatches.add(new Mismatch(exerciseOf.get(name), plan.labelOf(cell.id()), name, signature(m), wanted));
                }
            }
        }
        return mismatches;
    }

    private static List<MethodTree> methods(String source) {
        List<MethodTree> methods = new ArrayList<>();
        for (CellParser.Snippet snippet : CellParser.forThisThread().parse(source)) {
            if (snippet.wrapper() == null || snippet.statements()) {
                continue;
            }
            for (Tree member : snippet.wrapper().getMembers()) {
                if (member instanceof MethodTree m && m.getReturnType() != null) {
                    methods.add(m);
                }
            }
        }
        return methods;
    }

    /** {@code <T> long square(int)}: what the signature is made of, spaces removed. */
    static String signature(MethodTree m) {
        String typeParameters = m.getTypeParameters().isEmpty() ? ""
                : m.getTypeParameters().stream().map(Object::toString).collect(Collectors.joining(",", "<", "> "));
        String parameters = m.getParameters().stream().map(VariableTree::getType).map(Object::toString)
                .map(t -> t.replaceAll("\\s+", "")).collect(Collectors.joining(", "));
        return typeParameters + m.getReturnType().toString().replaceAll("\\s+", "") + " " + m.getName() + "(" + parameters + ")";
    }
}

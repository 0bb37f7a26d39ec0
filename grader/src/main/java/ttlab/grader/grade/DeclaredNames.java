package ttlab.grader.grade;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names a cell declares at its top level (methods, classes, variables), read from its syntax
 * tree even when it does not compile: what the rest of the notebook misses when that cell fails.
 */
final class DeclaredNames {

    private DeclaredNames() {
    }

    static Set<String> of(String cell) {
        Set<String> names = new LinkedHashSet<>();
        for (CellParser.Snippet snippet : CellParser.forThisThread().parse(cell)) {
            if (snippet.wrapper() == null) {
                continue;
            }
            for (Tree member : snippet.wrapper().getMembers()) {
                if (snippet.statements() && member instanceof MethodTree) {
                    BlockTree body = ((MethodTree) member).getBody();
                    if (body != null) {
                        for (StatementTree s : body.getStatements()) {
                            add(s, names);
                        }
                    }
                } else {
                    add(member, names);
                }
            }
        }
        return names;
    }

    private static void add(Tree tree, Set<String> names) {
        if (tree instanceof MethodTree) {
            names.add(((MethodTree) tree).getName().toString());
        } else if (tree instanceof ClassTree) {
            names.add(((ClassTree) tree).getSimpleName().toString());
        } else if (tree instanceof VariableTree) {
            names.add(((VariableTree) tree).getName().toString());
        }
    }
}

package ttlab.course.scaling;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Map;

/** Worked budgets as Tablesaw tables: the compute-optimal allocation under several sets of constants. */
public final class Budgets {

    private Budgets() {
    }

    /** For each law and each model size N: the compute that makes N optimal, D_opt, D/N and the loss. */
    public static Table byModelSize(Map<String, ScalingLaw> laws, double[] sizes) {
        Table table = Table.create("Compute-optimal budgets by model size");
        StringColumn name = StringColumn.create("constants");
        DoubleColumn n = DoubleColumn.create("N"), c = DoubleColumn.create("C (FLOP)"), d = DoubleColumn.create("D (tokens)"),
                ratio = DoubleColumn.create("D/N"), loss = DoubleColumn.create("loss");
        laws.forEach((label, law) -> {
            for (double size : sizes) {
                double compute = law.computeForParameters(size);
                name.append(label);
                n.append(size);
                c.append(compute);
                d.append(law.optimalTokens(compute));
                ratio.append(law.tokensPerParameter(compute));
                loss.append(law.optimalLoss(compute));
            }
        });
        return table.addColumns(name, Columns.scientific(n), Columns.scientific(c), Columns.scientific(d),
                Columns.fixed(ratio, 1), Columns.fixed(loss, 3));
    }

    /** For each law and each compute budget C: N_opt, D_opt, D/N and the loss. */
    public static Table byCompute(Map<String, ScalingLaw> laws, double[] budgets) {
        Table table = Table.create("Compute-optimal allocation by compute budget");
        StringColumn name = StringColumn.create("constants");
        DoubleColumn c = DoubleColumn.create("C (FLOP)"), n = DoubleColumn.create("N_opt"), d = DoubleColumn.create("D_opt"),
                ratio = DoubleColumn.create("D/N"), loss = DoubleColumn.create("loss");
        laws.forEach((label, law) -> {
            for (double compute : budgets) {
                name.append(label);
                c.append(compute);
                n.append(law.optimalParameters(compute));
                d.append(law.optimalTokens(compute));
                ratio.append(law.tokensPerParameter(compute));
                loss.append(law.optimalLoss(compute));
            }
        });
        return table.addColumns(name, Columns.scientific(c), Columns.scientific(n), Columns.scientific(d),
                Columns.fixed(ratio, 1), Columns.fixed(loss, 3));
    }
}

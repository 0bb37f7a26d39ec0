package ttlab.course.scaling;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BudgetsTest {

    private static final Map<String, ScalingLaw> LAWS = new LinkedHashMap<>();

    static {
        LAWS.put("paper", ScalingLaw.HOFFMANN_2022);
        LAWS.put("refit", ScalingLaw.BESIROGLU_2024);
    }

    @Test
    void byModelSizeHasOneRowPerLawAndSizeWithTheLawsNumbers() {
        Table table = Budgets.byModelSize(LAWS, new double[]{1e10, 1e12});
        assertThat(table.rowCount()).isEqualTo(4);
        double c = table.doubleColumn("C (FLOP)").get(3);
        assertThat(table.stringColumn("constants").get(3)).isEqualTo("refit");
        assertThat(ScalingLaw.BESIROGLU_2024.optimalParameters(c)).isCloseTo(1e12, within(1e3));
        assertThat(table.doubleColumn("D/N").get(3)).isCloseTo(ScalingLaw.BESIROGLU_2024.tokensPerParameter(c), within(1e-9));
    }

    @Test
    void byComputePrintsLargeNumbersInScientificNotation() {
        Table table = Budgets.byCompute(LAWS, new double[]{5.76e23});
        assertThat(table.doubleColumn("N_opt").get(0)).isCloseTo(ScalingLaw.HOFFMANN_2022.optimalParameters(5.76e23), within(1.0));
        assertThat(table.print()).contains("5.76E23");
    }
}

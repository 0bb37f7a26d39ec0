package ttlab.course.attention;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;

class LastWriteLemmaTest {

    /** |⟨q_i, k_j⟩| from the vectors themselves, in 50-digit decimals: the reference. */
    static BigDecimal dotFromVectors(int i, int j, int ci, int cj) {
        MathContext mc = new MathContext(50);
        BigDecimal one = BigDecimal.ONE, ip = BigDecimal.valueOf(i + 1), jp = BigDecimal.valueOf(j + 1);
        BigDecimal cHatI = BigDecimal.valueOf(ci).divide(ip, mc), cHatJ = BigDecimal.valueOf(cj).divide(jp, mc);
        BigDecimal dot = cHatI.multiply(one.divide(jp, mc))
                .add(one.divide(ip, mc).multiply(cHatJ.negate()))
                .add(one.divide(ip.multiply(ip).multiply(BigDecimal.valueOf(3)), mc).multiply(one.divide(jp.multiply(jp), mc)));
        return dot.abs();
    }

    @Test
    void theIntegerRatioIsTheInnerProduct() {
        for (int i = 1; i < 40; i++) {
            for (int j = 0; j < i; j++) {
                for (int ci = -3; ci <= 3; ci++) {
                    for (int cj = -3; cj <= 3; cj++) {
                        BigDecimal ratio = LastWriteLemma.exactScore(i, j, ci, cj).negate();
                        assertThat(ratio.subtract(dotFromVectors(i, j, ci, cj)).abs().doubleValue()).isLessThan(1e-25);
                    }
                }
            }
        }
    }

    @Test
    void theLookupIsUniqueAndFindsTheLastVisitOnRandomWalks() {
        for (long seed = 100; seed < 110; seed++) {
            int[] c = LastWriteLemma.randomWalk(300, seed);
            for (int i = 1; i < c.length; i++) {
                LastWriteLemma.Lookup lookup = LastWriteLemma.lookup(c, i);
                int last = LastWriteLemma.lastVisit(c, i);
                assertThat(lookup.ties()).isEqualTo(1);
                assertThat(lookup.written()).isEqualTo(last >= 0);
                if (last >= 0) {
                    assertThat(lookup.best()).isEqualTo(last);
                }
            }
        }
    }

    @Test
    void aHandWorkedCase() {
        // c = 0, 1, 0, 1: at i = 3 the head is on cell 1, last visited at step 1; at i = 2 on cell 0, visited at 0.
        int[] c = {0, 1, 0, 1};
        assertThat(LastWriteLemma.lookup(c, 3)).isEqualTo(new LastWriteLemma.Lookup(1, 1, true));
        assertThat(LastWriteLemma.lookup(c, 2)).isEqualTo(new LastWriteLemma.Lookup(0, 1, true));
        assertThat(LastWriteLemma.lookup(new int[] {0, 1}, 1).written()).isFalse();
        assertThat(LastWriteLemma.lastVisit(c, 3)).isEqualTo(1);
        assertThat(LastWriteLemma.numerator(3, 1, 1, 1)).isEqualTo(1);
        assertThat(LastWriteLemma.denominator(3, 1)).isEqualTo(3L * 16 * 4);
    }
}

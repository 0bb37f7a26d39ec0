package ttlab.grader.grade;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** Byte sizes and durations as options spell them ({@code 512m}, {@code 2.5}) and as messages say them. */
public final class Sizes {

    private Sizes() {
    }

    /** {@code 1048576}, {@code 256k}, {@code 512m}, {@code 1g} (binary units, as the JVM's -Xmx). */
    public static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("k")) {
            unit = 1L << 10;
        } else if (t.endsWith("m")) {
            unit = 1L << 20;
        } else if (t.endsWith("g")) {
            unit = 1L << 30;
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        long value = Long.parseLong(digits);
        if (value <= 0) {
            throw new NumberFormatException("must be positive");
        }
        return Math.multiplyExact(value, unit);
    }

    /** Seconds, possibly with a fraction: {@code 10}, {@code 0.5}. */
    public static Duration parseSeconds(String text) {
        BigDecimal seconds = new BigDecimal(text.trim());
        if (seconds.signum() <= 0) {
            throw new NumberFormatException("must be positive");
        }
        return Duration.ofMillis(seconds.movePointRight(3).longValueExact());
    }

    /** "1 MB", "256 KB", "1.5 MB", "12 bytes". */
    public static String describe(long bytes) {
        if (bytes >= 1L << 20) {
            return trim(bytes / (double) (1L << 20)) + " MB";
        }
        if (bytes >= 1L << 10) {
            return trim(bytes / (double) (1L << 10)) + " KB";
        }
        return bytes + " bytes";
    }

    /** "10 s", "2.5 s". */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static String trim(double value) {
        return BigDecimal.valueOf(Math.round(value * 10) / 10.0).stripTrailingZeros().toPlainString();
    }
}

package deltakv.engine.redis.commands;

import deltakv.engine.collections.maps.ScoreBound;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sorted-set scores as Redis 7.0 reads and writes them: scores parsed like its strtod-based
 * {@code getDoubleFromObject} (no spaces, no NaN, no overflow), range bounds like {@code zslParseRange}
 * ({@code (} for exclusive, overflow to ±inf allowed), replies formatted as C's {@code %.17g}.
 */
final class Scores {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");
    private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);

    private Scores() {}

    /** A score argument (ZADD, ZINCRBY), or null if Redis would say "value is not a valid float". */
    static Double parse(byte[] arg) {
        Double d = strtod(new String(arg, StandardCharsets.ISO_8859_1));
        if (d == null || d.isNaN()) return null;
        return d;
    }

    /** One end of a score range ({@code 1.5}, {@code (1.5}, {@code -inf}), or null if not a float. */
    static ScoreBound bound(byte[] arg) {
        String s = new String(arg, StandardCharsets.ISO_8859_1);
        boolean exclusive = s.startsWith("(");
        if (exclusive) s = s.substring(1);
        String t = s.stripLeading();
        Double d = t.isEmpty() && s.isEmpty() ? Double.valueOf(0) : strtodLenient(t);
        return d == null || d.isNaN() ? null : new ScoreBound(d, exclusive);
    }

    /** strtod accepting the whole string only, refusing overflow and underflow to zero (ERANGE). */
    private static Double strtod(String s) {
        Double special = special(s);
        if (special != null) return special;
        Double d = number(s);
        if (d == null || d.isInfinite()) return null;
        if (d == 0.0 && nonZeroMantissa(s)) return null; // underflow: strtod's ERANGE with a zero result
        return d;
    }

    /** Whether the digits before the exponent are not all zero (decimal, or hexadecimal after its 0x). */
    private static boolean nonZeroMantissa(String s) {
        boolean hex = HEX.matcher(s).matches();
        String body = hex ? s.substring(s.toLowerCase(Locale.ROOT).indexOf('x') + 1) : s;
        String mantissa = body.split(hex ? "[pP]" : "[eE]", 2)[0];
        return mantissa.matches(hex ? ".*[1-9a-fA-F].*" : ".*[1-9].*");
    }

    /** As strtod in zslParseRange: overflow gives ±inf. */
    private static Double strtodLenient(String s) {
        Double special = special(s);
        return special != null ? special : number(s);
    }

    private static Double special(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        boolean neg = l.startsWith("-");
        if (neg || l.startsWith("+")) l = l.substring(1);
        if (l.equals("inf") || l.equals("infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (l.equals("nan")) return Double.NaN;
        return null;
    }

    private static Double number(String s) {
        if (DECIMAL.matcher(s).matches()) return Double.parseDouble(s);
        if (HEX.matcher(s).matches()) return Double.parseDouble(s.matches(".*[pP].*") ? s : s + "p0");
        return null;
    }

    /** C's {@code %.17g}, as Redis 7.0's addReplyDouble prints a score ({@code inf}, {@code -inf} for infinities). */
    static String format(double d) {
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        BigDecimal bd = new BigDecimal(d).round(SEVENTEEN).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 17) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int e = Math.abs(exp);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
        }
        return sign + bd.abs().toPlainString();
    }
}

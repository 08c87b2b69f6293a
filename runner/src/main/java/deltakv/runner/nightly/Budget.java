package deltakv.runner.nightly;

/** {@code --budget}: {@code 90s}, {@code 30m}, {@code 2h} or plain seconds. */
public final class Budget {
    private Budget() {}

    /** @throws IllegalArgumentException with the one-line reason */
    public static double parse(String s) {
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([smh]?)").matcher(s.strip());
        if (!m.matches()) throw new IllegalArgumentException("--budget must be like 90s, 30m or 2h, got '" + s + "'");
        double v = Double.parseDouble(m.group(1));
        double seconds = switch (m.group(2)) {
            case "m" -> v * 60;
            case "h" -> v * 3600;
            default -> v;
        };
        if (seconds <= 0) throw new IllegalArgumentException("--budget must be > 0, got '" + s + "'");
        return seconds;
    }

    public static String format(double seconds) {
        if (seconds % 3600 == 0) return (long) (seconds / 3600) + "h";
        if (seconds % 60 == 0) return (long) (seconds / 60) + "m";
        return Math.round(seconds) + "s";
    }
}

package deltakv.engine.redis.commands;

import deltakv.engine.collections.RedisInts;
import deltakv.engine.redis.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Parses {@code SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL]} with Redis 7's rules and
 * error order: flag syntax first, then the expire value.
 */
final class SetOptionsParser {
    /** Either options or the error reply to send. */
    record Parsed(SetOptions options, Reply error) {}

    static final Reply INVALID_EXPIRE = Reply.error("ERR invalid expire time in 'set' command");

    private SetOptionsParser() {}

    static Parsed parse(List<byte[]> args, long nowMs) {
        boolean nx = false, xx = false, get = false, keepTtl = false;
        String unit = null;
        byte[] expireArg = null;
        for (int i = 3; i < args.size(); i++) {
            String opt = new String(args.get(i), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
            boolean hasNext = i + 1 < args.size();
            switch (opt) {
                case "NX" -> { if (xx) return syntax(); nx = true; }
                case "XX" -> { if (nx) return syntax(); xx = true; }
                case "GET" -> get = true;
                case "KEEPTTL" -> { if (unit != null) return syntax(); keepTtl = true; }
                case "EX", "PX", "EXAT", "PXAT" -> {
                    if (keepTtl || (unit != null && !unit.equals(opt)) || !hasNext) return syntax();
                    unit = opt;
                    expireArg = args.get(++i);
                }
                default -> { return syntax(); }
            }
        }
        long deadline = 0;
        if (unit != null) {
            OptionalLong v = RedisInts.parse(expireArg);
            if (v.isEmpty()) return new Parsed(null, Reply.NOT_INTEGER);
            OptionalLong d = deadline(unit, v.getAsLong(), nowMs);
            if (d.isEmpty()) return new Parsed(null, INVALID_EXPIRE);
            deadline = d.getAsLong();
        }
        return new Parsed(new SetOptions(nx, xx, get, keepTtl, deadline), null);
    }

    private static OptionalLong deadline(String unit, long v, long nowMs) {
        if (v <= 0) return OptionalLong.empty();
        boolean seconds = unit.equals("EX") || unit.equals("EXAT");
        if (seconds && v > Long.MAX_VALUE / 1000) return OptionalLong.empty();
        long ms = seconds ? v * 1000 : v;
        if (unit.endsWith("AT")) return OptionalLong.of(ms);
        if (ms > Long.MAX_VALUE - nowMs) return OptionalLong.empty();
        return OptionalLong.of(ms + nowMs);
    }

    private static Parsed syntax() {
        return new Parsed(null, Reply.SYNTAX);
    }
}

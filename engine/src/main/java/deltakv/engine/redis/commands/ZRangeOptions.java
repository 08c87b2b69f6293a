package deltakv.engine.redis.commands;

import deltakv.engine.collections.RedisInts;
import deltakv.engine.collections.maps.ScoreBound;
import deltakv.engine.redis.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The range arguments of ZRANGE, ZRANGEBYSCORE, ZREVRANGE and ZREVRANGEBYSCORE, parsed as Redis 7.0's
 * zrangeGenericCommand does: options first (each command accepts only some), then conflicts, then the
 * range itself (by-score ranges in reverse are given max first). BYLEX is not implemented.
 */
record ZRangeOptions(boolean byScore, boolean reverse, boolean withScores, long offset, long count, long start, long stop,
                     ScoreBound min, ScoreBound max) {
    static final Reply NOT_FLOAT_RANGE = Reply.error("ERR min or max is not a float");

    record Parsed(ZRangeOptions options, Reply error) {
        static Parsed error(Reply r) {
            return new Parsed(null, r);
        }
    }

    /**
     * @param byScore  fixed by the command (ZRANGEBYSCORE) or null (ZRANGE: BYSCORE may set it)
     * @param reverse  fixed by the command (ZREV…) or null (ZRANGE: REV may set it)
     */
    static Parsed parse(List<byte[]> args, Boolean byScore, Boolean reverse) {
        boolean withScores = false;
        long offset = 0;
        long count = -1;
        boolean limit = false;
        Boolean score = byScore;
        Boolean rev = reverse;
        for (int j = 4; j < args.size(); j++) {
            String o = new String(args.get(j), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            int left = args.size() - j - 1;
            if (o.equals("withscores")) {
                withScores = true;
            } else if (o.equals("limit") && left >= 2) {
                OptionalLong off = RedisInts.parse(args.get(j + 1));
                OptionalLong cnt = RedisInts.parse(args.get(j + 2));
                if (off.isEmpty() || cnt.isEmpty()) return Parsed.error(Reply.NOT_INTEGER);
                offset = off.getAsLong();
                count = cnt.getAsLong();
                limit = true;
                j += 2;
            } else if (rev == null && o.equals("rev")) {
                rev = true;
            } else if (score == null && o.equals("byscore")) {
                score = true;
            } else if (score == null && o.equals("bylex")) {
                return Parsed.error(Reply.error("ERR BYLEX is not supported by this server"));
            } else {
                return Parsed.error(Reply.SYNTAX);
            }
        }
        boolean s = score != null && score;
        boolean r = rev != null && rev;
        if (limit && count != -1 && !s) {
            return Parsed.error(Reply.error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX"));
        }
        byte[] lo = args.get(r && s ? 3 : 2);
        byte[] hi = args.get(r && s ? 2 : 3);
        if (!s) {
            OptionalLong start = RedisInts.parse(lo);
            OptionalLong stop = RedisInts.parse(hi);
            if (start.isEmpty() || stop.isEmpty()) return Parsed.error(Reply.NOT_INTEGER);
            return new Parsed(new ZRangeOptions(false, r, withScores, 0, -1, start.getAsLong(), stop.getAsLong(), null, null), null);
        }
        ScoreBound min = Scores.bound(lo);
        ScoreBound max = Scores.bound(hi);
        if (min == null || max == null) return Parsed.error(NOT_FLOAT_RANGE);
        return new Parsed(new ZRangeOptions(true, r, withScores, offset, count, 0, 0, min, max), null);
    }
}

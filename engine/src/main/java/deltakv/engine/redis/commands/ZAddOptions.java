package deltakv.engine.redis.commands;

import deltakv.engine.redis.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member …], parsed in Redis 7.0's order: flags,
 * then the pair count, then incompatible flags, then every score.
 */
record ZAddOptions(boolean nx, boolean xx, boolean gt, boolean lt, boolean ch, boolean incr, List<Double> scores,
                   List<byte[]> members) {
    static final Reply NOT_FLOAT = Reply.error("ERR value is not a valid float");

    /** Options, or the error reply. */
    record Parsed(ZAddOptions options, Reply error) {}

    static Parsed parse(List<byte[]> args, int from, boolean incrCommand) {
        boolean nx = false, xx = false, gt = false, lt = false, ch = false, incr = incrCommand;
        int i = from;
        for (; i < args.size(); i++) {
            String o = new String(args.get(i), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (o.equals("nx")) nx = true;
            else if (o.equals("xx")) xx = true;
            else if (o.equals("ch")) ch = true;
            else if (o.equals("incr")) incr = true;
            else if (o.equals("gt")) gt = true;
            else if (o.equals("lt")) lt = true;
            else break;
        }
        int elements = args.size() - i;
        if (elements == 0 || elements % 2 != 0) return new Parsed(null, Reply.SYNTAX);
        if (nx && xx) return new Parsed(null, Reply.error("ERR XX and NX options at the same time are not compatible"));
        if ((gt && nx) || (lt && nx) || (gt && lt)) {
            return new Parsed(null, Reply.error("ERR GT, LT, and/or NX options at the same time are not compatible"));
        }
        if (incr && elements > 2) return new Parsed(null, Reply.error("ERR INCR option supports a single increment-element pair"));
        List<Double> scores = new ArrayList<>();
        List<byte[]> members = new ArrayList<>();
        for (int j = i; j < args.size(); j += 2) {
            Double s = Scores.parse(args.get(j));
            if (s == null) return new Parsed(null, NOT_FLOAT);
            scores.add(s);
            members.add(args.get(j + 1));
        }
        return new Parsed(new ZAddOptions(nx, xx, gt, lt, ch, incr, scores, members), null);
    }
}

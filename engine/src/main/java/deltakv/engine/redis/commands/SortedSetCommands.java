package deltakv.engine.redis.commands;

import deltakv.engine.collections.KeyType;
import deltakv.engine.collections.Keyspace;
import deltakv.engine.collections.RedisInts;
import deltakv.engine.collections.maps.ScoreBound;
import deltakv.engine.collections.maps.Scored;
import deltakv.engine.collections.maps.SortedSets;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/** Sorted-set commands with Redis 7.0's replies, errors and order of checks (RESP2 replies). */
final class SortedSetCommands {
    private static final Reply NAN = Reply.error("ERR resulting score is not a number (NaN)");

    private final Keyspace keyspace;
    private final SortedSets zsets;

    SortedSetCommands(Keyspace keyspace, SortedSets zsets) {
        this.keyspace = keyspace;
        this.zsets = zsets;
    }

    List<CommandSpec> specs() {
        return List.of(new CommandSpec("zadd", -4, true, (t, a) -> zadd(t, a, false)),
                new CommandSpec("zincrby", 4, true, (t, a) -> zadd(t, a, true)),
                new CommandSpec("zrem", -3, true, this::zrem), new CommandSpec("zcard", 2, false, this::zcard),
                new CommandSpec("zscore", 3, false, this::zscore),
                new CommandSpec("zrange", -4, false, (t, a) -> zrange(t, a, null, null)),
                new CommandSpec("zrangebyscore", -4, false, (t, a) -> zrange(t, a, true, false)),
                new CommandSpec("zrevrange", -4, false, (t, a) -> zrange(t, a, false, true)),
                new CommandSpec("zrevrangebyscore", -4, false, (t, a) -> zrange(t, a, true, true)),
                new CommandSpec("zrank", 3, false, (t, a) -> zrank(t, a, false)),
                new CommandSpec("zrevrank", 3, false, (t, a) -> zrank(t, a, true)),
                new CommandSpec("zcount", 4, false, this::zcount),
                new CommandSpec("zpopmin", -2, true, (t, a) -> zpop(t, a, false)),
                new CommandSpec("zpopmax", -2, true, (t, a) -> zpop(t, a, true)));
    }

    /** ZADD, and ZINCRBY as ZADD INCR with one pair (Redis implements it so). */
    private Reply zadd(Txn txn, List<byte[]> args, boolean zincrby) {
        ZAddOptions.Parsed p = ZAddOptions.parse(args, 2, zincrby);
        if (p.error() != null) return p.error();
        ZAddOptions o = p.options();
        byte[] key = args.get(1);
        if (o.xx()) {
            if (keyspace.wrongType(txn, key, KeyType.ZSET)) return Reply.WRONGTYPE;
            if (!zsets.map().exists(txn, key)) return o.incr() ? Reply.NULL_BULK : new Reply.Int(0); // XX: never creates
        } else if (!keyspace.prepareWrite(txn, key, KeyType.ZSET)) {
            return Reply.WRONGTYPE;
        }
        long added = 0;
        long updated = 0;
        long processed = 0;
        double last = 0;
        for (int j = 0; j < o.members().size(); j++) {
            byte[] member = o.members().get(j);
            double score = o.scores().get(j);
            Double current = zsets.score(txn, key, member);
            if (current == null) {
                if (o.xx()) continue;
                zsets.put(txn, key, member, score);
                added++;
                processed++;
                last = score;
                continue;
            }
            if (o.nx()) continue;
            if (o.incr()) {
                score += current;
                if (Double.isNaN(score)) return NAN;
            }
            if ((o.lt() && score >= current) || (o.gt() && score <= current)) continue;
            processed++;
            last = score;
            if (score != current) {
                zsets.put(txn, key, member, score);
                updated++;
            }
        }
        if (o.incr()) return processed > 0 ? Reply.bulk(Scores.format(last)) : Reply.NULL_BULK;
        return new Reply.Int(o.ch() ? added + updated : added);
    }

    private Reply read(Txn txn, byte[] key, Function<byte[], Reply> read) {
        return keyspace.wrongType(txn, key, KeyType.ZSET) ? Reply.WRONGTYPE : read.apply(key);
    }

    private Reply zrem(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> {
            long n = 0;
            for (byte[] m : args.subList(2, args.size())) if (zsets.remove(txn, key, m)) n++;
            return new Reply.Int(n);
        });
    }

    private Reply zcard(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> new Reply.Int(zsets.size(txn, key)));
    }

    private Reply zscore(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> {
            Double s = zsets.score(txn, key, args.get(2));
            return s == null ? Reply.NULL_BULK : Reply.bulk(Scores.format(s));
        });
    }

    private Reply zrange(Txn txn, List<byte[]> args, Boolean byScore, Boolean reverse) {
        ZRangeOptions.Parsed p = ZRangeOptions.parse(args, byScore, reverse);
        if (p.error() != null) return p.error();
        ZRangeOptions o = p.options();
        return read(txn, args.get(1), key -> {
            List<Scored> found = o.byScore()
                    ? zsets.byScore(txn, key, o.min(), o.max(), o.reverse(), o.offset(), o.count())
                    : zsets.byRank(txn, key, o.start(), o.stop(), o.reverse());
            return scored(found, o.withScores());
        });
    }

    private Reply zrank(Txn txn, List<byte[]> args, boolean reverse) {
        return read(txn, args.get(1), key -> {
            Long r = zsets.rank(txn, key, args.get(2), reverse);
            return r == null ? Reply.NULL_BULK : new Reply.Int(r);
        });
    }

    private Reply zcount(Txn txn, List<byte[]> args) {
        ScoreBound min = Scores.bound(args.get(2));
        ScoreBound max = Scores.bound(args.get(3));
        if (min == null || max == null) return ZRangeOptions.NOT_FLOAT_RANGE;
        return read(txn, args.get(1), key -> new Reply.Int(zsets.count(txn, key, min, max)));
    }

    /** ZPOPMIN/ZPOPMAX key [count]: count checked first (≥ 0), then the type. */
    private Reply zpop(Txn txn, List<byte[]> args, boolean highest) {
        if (args.size() > 3) return Reply.SYNTAX;
        long count = 1;
        if (args.size() == 3) {
            OptionalLong c = RedisInts.parse(args.get(2));
            if (c.isEmpty() || c.getAsLong() < 0) return ListPopCommands.OUT_OF_RANGE;
            count = c.getAsLong();
        }
        long n = count;
        return read(txn, args.get(1), key -> scored(zsets.pop(txn, key, n, highest), true));
    }

    private static Reply scored(List<Scored> found, boolean withScores) {
        List<Reply> out = new ArrayList<>();
        for (Scored s : found) {
            out.add(new Reply.Bulk(s.member()));
            if (withScores) out.add(Reply.bulk(Scores.format(s.score())));
        }
        return new Reply.Array(out);
    }
}

package deltakv.engine.collections.maps;

import static deltakv.engine.collections.DataFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.collections.DataFixture;
import deltakv.engine.collections.DeltaFold;
import deltakv.engine.txn.Txn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random puts, removals, DELs and pops on a hash and a sorted set (several per transaction) against a map
 * model, with compactions under tiny budgets after random steps, so Len is often base + several deltas
 * folded over several transactions. After every step size, entries and score order must equal the model.
 */
class MapModelPropertyTest {
    private static final String[] FIELDS = {"a", "b", "c", "d", "e", "f", "", "ab"};

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Variant v : List.of(Variant.RMW, Variant.DELTA, Variant.DELTA_CF)) for (long seed = 1; seed <= 3; seed++) out.add(Arguments.of(v, seed));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("cases")
    void matchesMapModel(Variant v, long seed) {
        EngineConfig cfg = new EngineConfig(v, Set.of(), 3, 12, 2, 7, Duration.ofHours(1), 4);
        Random rnd = new Random(seed);
        TreeMap<String, String> hash = new TreeMap<>();
        TreeMap<String, Double> zset = new TreeMap<>();
        try (DataFixture f = new DataFixture(dir, cfg)) {
            Maps maps = f.data.maps();
            for (int step = 0; step < 300; step++) {
                int ops = 1 + rnd.nextInt(3);
                long opSeed = rnd.nextLong();
                // the model is applied once, after the transaction committed (its body may be retried)
                List<Runnable> model = new ArrayList<>();
                f.run(t -> {
                    model.clear();
                    Random r = new Random(opSeed);
                    for (int i = 0; i < ops; i++) model.add(randomOp(r, t, maps, hash, zset));
                    return null;
                });
                model.forEach(Runnable::run);
                if (rnd.nextInt(5) == 0) f.data.compactor().ifPresent(c -> {
                    for (DeltaFold fold : c.folds()) c.compactNow(fold, b(rnd.nextBoolean() ? "h" : "z"));
                });
                check(f, maps, hash, zset, step);
            }
        }
    }

    /** Performs one operation in {@code t}; returns its effect on the model. */
    private static Runnable randomOp(Random r, Txn t, Maps maps, TreeMap<String, String> hash, TreeMap<String, Double> zset) {
        String field = FIELDS[r.nextInt(FIELDS.length)];
        switch (r.nextInt(9)) {
            case 0, 1, 2 -> {
                String value = "v" + r.nextInt(5);
                maps.hashes().put(t, b("h"), b(field), b(value));
                return () -> hash.put(field, value);
            }
            case 3 -> {
                maps.hashes().remove(t, b("h"), b(field));
                return () -> hash.remove(field);
            }
            case 4, 5 -> {
                double score = r.nextInt(4) - 1.5;
                maps.zsets().put(t, b("z"), b(field), score);
                return () -> zset.put(field, score);
            }
            case 6 -> {
                maps.zsets().remove(t, b("z"), b(field));
                return () -> zset.remove(field);
            }
            case 7 -> {
                List<Scored> popped = maps.zsets().pop(t, b("z"), 1 + r.nextInt(2), r.nextBoolean());
                return () -> popped.forEach(s -> zset.remove(new String(s.member(), StandardCharsets.UTF_8)));
            }
            default -> {
                boolean h = r.nextBoolean();
                (h ? maps.hashes() : maps.zsets().map()).delete(t, b(h ? "h" : "z"));
                return h ? hash::clear : zset::clear;
            }
        }
    }

    private static void check(DataFixture f, Maps maps, Map<String, String> hash, Map<String, Double> zset, int step) {
        f.run(t -> {
            assertEquals(hash.size(), maps.hashes().size(t, b("h")), "HLEN at step " + step);
            Map<String, String> got = new TreeMap<>();
            for (Txn.KV kv : maps.hashes().entries(t, b("h"))) got.put(new String(kv.key(), StandardCharsets.UTF_8), new String(kv.value(), StandardCharsets.UTF_8));
            assertEquals(hash, got, "HGETALL at step " + step);
            assertEquals(zset.size(), maps.zsets().size(t, b("z")), "ZCARD at step " + step);
            List<String> want = zset.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).thenComparing(Map.Entry::getKey))
                    .map(e -> e.getKey() + "=" + e.getValue()).toList();
            List<String> order = maps.zsets().byRank(t, b("z"), 0, -1, false).stream()
                    .map(s -> new String(s.member(), StandardCharsets.UTF_8) + "=" + s.score()).toList();
            assertEquals(want, order, "ZRANGE at step " + step);
            return null;
        });
    }
}

package deltakv.engine.collections;

import static deltakv.engine.collections.DataFixture.b;
import static deltakv.engine.collections.DataFixture.bytesList;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.engine.EngineConfig;
import deltakv.engine.PopBounds;
import deltakv.engine.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * Random sequences of list operations (pushes, pops with counts, moves, DEL, several ops in one
 * transaction) against a deque model, with compaction after random steps under tiny budgets so that
 * folding and claim GC take several transactions. After every step both lists must equal the model, and
 * every push must have replied the model's length. Variant delta runs with both {@link PopBounds}.
 */
class ListModelPropertyTest {
    private static final String[] KEYS = {"a", "b"};

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Variant v : List.of(Variant.RMW, Variant.DELTA, Variant.DELTA_CF)) {
            for (long seed = 1; seed <= 4; seed++) out.add(Arguments.of(v, PopBounds.DELTA, seed));
        }
        for (long seed = 1; seed <= 4; seed++) out.add(Arguments.of(Variant.DELTA, PopBounds.CLAIM_GC, seed));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} pop-bounds={1} seed={2}")
    @MethodSource("cases")
    void matchesDequeModel(Variant v, PopBounds bounds, long seed) {
        EngineConfig cfg = new EngineConfig(v, Set.of(), 3, 256, 5, 7, Duration.ofSeconds(30), 2, bounds);
        Random rnd = new Random(seed);
        Map<String, Deque<String>> model = new TreeMap<>();
        for (String k : KEYS) model.put(k, new ArrayDeque<>());
        try (DataFixture f = new DataFixture(dir, cfg)) {
            int counter = 0;
            for (int step = 0; step < 300; step++) {
                int ops = rnd.nextInt(5) == 0 ? 2 + rnd.nextInt(3) : 1;
                List<Runnable> modelOps = new ArrayList<>();
                List<Op> planned = new ArrayList<>();
                for (int i = 0; i < ops; i++) planned.add(Op.random(rnd, counter++));
                List<Long> replies = f.run(t -> {
                    List<Long> r = new ArrayList<>();
                    for (Op op : planned) r.add(op.apply(t, f.lists()));
                    return r;
                });
                for (int i = 0; i < planned.size(); i++) {
                    long size = planned.get(i).applyTo(model);
                    if (planned.get(i).kind().equals("push")) {
                        assertEquals(size, replies.get(i), "step " + step + " push reply of " + planned.get(i));
                    }
                }
                if (v == Variant.DELTA && rnd.nextInt(4) == 0) {
                    if (rnd.nextBoolean()) f.compactor().tick();
                    else f.compactor().compactNow(b(KEYS[rnd.nextInt(2)]));
                }
                for (String k : KEYS) {
                    assertEquals(List.copyOf(model.get(k)), f.range(k), "step " + step + " " + planned + " key " + k);
                    assertEquals(model.get(k).size(), f.len(k));
                }
            }
            for (String k : KEYS) {
                f.run(t -> f.lists().delete(t, b(k)));
                assertEquals(List.of(), f.internalKeys(k), "DEL leaves no internal keys");
            }
        }
    }

    /** One list operation, applied to the store and to the model. */
    record Op(String kind, String key, String other, End end, End to, List<String> values, int count) {
        static Op random(Random rnd, int id) {
            String k = KEYS[rnd.nextInt(2)];
            End e = rnd.nextBoolean() ? End.LEFT : End.RIGHT;
            int r = rnd.nextInt(100);
            if (r < 45) {
                List<String> vals = new ArrayList<>();
                for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) vals.add(id + "." + i);
                return new Op("push", k, null, e, null, vals, 0);
            }
            if (r < 80) return new Op("pop", k, null, e, null, List.of(), 1 + rnd.nextInt(3));
            if (r < 95) return new Op("move", k, KEYS[rnd.nextInt(2)], e, rnd.nextBoolean() ? End.LEFT : End.RIGHT, List.of(), 0);
            return new Op("del", k, null, e, null, List.of(), 0);
        }

        /** @return a push's reply (the list's length), else -1 */
        long apply(deltakv.engine.txn.Txn t, ListStore l) {
            switch (kind) {
                case "push" -> {
                    return l.push(t, b(key), end, bytesList(values.toArray(String[]::new)));
                }
                case "pop" -> l.pop(t, b(key), end, count);
                case "move" -> {
                    List<byte[]> p = l.pop(t, b(key), end, 1);
                    if (!p.isEmpty()) l.push(t, b(other), to, p);
                }
                default -> l.delete(t, b(key));
            }
            return -1;
        }

        /** @return the length of this op's list afterwards */
        long applyTo(Map<String, Deque<String>> m) {
            Deque<String> d = m.get(key);
            applyOps(m, d);
            return d.size();
        }

        private void applyOps(Map<String, Deque<String>> m, Deque<String> d) {
            switch (kind) {
                case "push" -> values.forEach(x -> { if (end == End.LEFT) d.addFirst(x); else d.addLast(x); });
                case "pop" -> { for (int i = 0; i < count && !d.isEmpty(); i++) { if (end == End.LEFT) d.pollFirst(); else d.pollLast(); } }
                case "move" -> {
                    if (d.isEmpty()) return;
                    String x = end == End.LEFT ? d.pollFirst() : d.pollLast();
                    if (to == End.LEFT) m.get(other).addFirst(x); else m.get(other).addLast(x);
                }
                default -> d.clear();
            }
        }
    }
}

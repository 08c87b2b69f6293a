package deltakv.workloads.gen;

import deltakv.workloads.Invocation;
import deltakv.workloads.OpGenerator;
import deltakv.workloads.WorkloadOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The op mix of the {@code set}, {@code hash} and {@code zset} workloads, one generator per worker: adds 40%,
 * removes 20%, cardinality reads 15%, full reads 20%, DEL 5%, on keys that retire after about
 * {@code --max-writes-per-key} writes (so each key's history stays small enough for the linearizability
 * search). What an add writes comes from {@code element}: a fresh unique member (set), a field from a small
 * domain with a unique value (hash), a member from a small domain with a random score (zset) — so adds both
 * create and update. A set's remove takes one of this worker's recent members of the key, when it has one.
 */
public final class CollectionOps {
    private static final String[] OPS = {"add", "remove", "card", "read", "del"};
    private static final int[] WEIGHTS = {40, 20, 15, 20, 5};

    /** What an add writes: {@code [element value]}. */
    public interface Element {
        List<Object> next(Random r, long unique);
    }

    private CollectionOps() {}

    public static OpGenerator generator(WorkloadOptions o, int worker, Element element, boolean removeOwnAdds) {
        Random r = Seeds.forWorker(o.seed(), worker);
        KeyRotation keys = new KeyRotation(o.keyCount(), o.keyDist(), o.maxWritesPerKey(), o.concurrency());
        long[] next = {WorkloadOptions.valueBase(worker)};
        Map<Long, List<Object>> added = new HashMap<>();
        return () -> {
            long k = keys.pick(r);
            String f = pick(r);
            switch (f) {
                case "add" -> {
                    keys.wrote(k);
                    List<Object> ev = element.next(r, ++next[0]);
                    if (removeOwnAdds) {
                        List<Object> mine = added.computeIfAbsent(k, x -> new ArrayList<>());
                        mine.add(ev.get(0));
                        if (mine.size() > 8) mine.remove(0);
                    }
                    return new Invocation("add", Arrays.asList(ev.get(0), ev.get(1), null), k);
                }
                case "remove" -> {
                    keys.wrote(k);
                    List<Object> mine = added.getOrDefault(k, List.of());
                    Object e = removeOwnAdds
                            ? (mine.isEmpty() ? (Object) (++next[0]) : mine.remove(r.nextInt(mine.size())))
                            : element.next(r, ++next[0]).get(0);
                    return new Invocation("remove", Arrays.asList(e, null), k);
                }
                case "del" -> {
                    keys.wrote(k);
                    added.remove(k);
                    return new Invocation("del", null, k);
                }
                default -> {
                    return new Invocation(f, null, k);
                }
            }
        };
    }

    private static String pick(Random r) {
        int x = r.nextInt(100);
        for (int i = 0; i < OPS.length; i++) if ((x -= WEIGHTS[i]) < 0) return OPS[i];
        return OPS[OPS.length - 1];
    }

    /** A full read of every key used, in key order. */
    public static List<Invocation> readAll(Set<Object> keys) {
        List<Invocation> out = new ArrayList<>();
        for (Object k : new TreeSet<>(keys)) out.add(new Invocation("read", null, k));
        return out;
    }
}

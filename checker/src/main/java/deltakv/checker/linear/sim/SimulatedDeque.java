package deltakv.checker.linear.sim;

import deltakv.checker.history.Keyword;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Redis lists, one per key, with unique elements: LPUSH/RPUSH 45%, LPOP/RPOP 25%, LLEN 10%, LRANGE 15%, DEL 5%.
 * Values are written as the deque model reads them: pushes {@code [e nil]} → {@code [e length]}.
 */
final class SimulatedDeque implements SimulatedObject {
    private final int keys;
    private final Map<Object, ArrayDeque<Long>> lists = new HashMap<>();
    private long nextValue = 1;

    SimulatedDeque(int keys) {
        this.keys = keys;
    }

    @Override
    public Call next(Random random) {
        Object key = keys <= 1 ? null : (long) random.nextInt(keys);
        int dice = random.nextInt(20);
        if (dice < 9) return new Call(dice % 2 == 0 ? "lpush" : "rpush", Arrays.asList(nextValue++, null), key);
        if (dice < 14) return new Call(dice % 2 == 0 ? "lpop" : "rpop", null, key);
        if (dice < 16) return new Call("llen", null, key);
        if (dice < 19) return new Call("lrange", null, key);
        return new Call("del", null, key);
    }

    @Override
    public Completion apply(Call call) {
        ArrayDeque<Long> list = list(call.key());
        return new Completion(switch (call.f()) {
            case "lpush", "rpush" -> {
                Long e = (Long) ((List<?>) call.value()).get(0);
                if (call.f().equals("lpush")) list.addFirst(e); else list.addLast(e);
                yield List.of(e, (long) list.size());
            }
            case "lpop" -> list.pollFirst();
            case "rpop" -> list.pollLast();
            case "llen" -> (long) list.size();
            case "lrange" -> List.copyOf(list);
            default -> {
                long existed = list.isEmpty() ? 0 : 1;
                list.clear();
                yield existed;
            }
        });
    }

    /** Every key the ops could use (null when there is one list). */
    List<Object> keys() {
        if (keys <= 1) return Collections.singletonList(null);
        List<Object> out = new ArrayList<>();
        for (long k = 0; k < keys; k++) out.add(k);
        return out;
    }

    /**
     * The final phase for one key: LPOP until nil. An LPOP whose outcome is lost (probability {@code unknownRate})
     * is written as {@code :unknown}; it removed the head or, as often, nothing.
     */
    List<Object> drain(Object key, Random random, double unknownRate) {
        ArrayDeque<Long> list = list(key);
        List<Object> drained = new ArrayList<>();
        while (true) {
            if (random.nextDouble() < unknownRate) {
                if (random.nextBoolean()) list.pollFirst();
                drained.add(Keyword.of("unknown"));
                continue;
            }
            Long e = list.pollFirst();
            if (e == null) return drained;
            drained.add(e);
        }
    }

    private ArrayDeque<Long> list(Object key) {
        return lists.computeIfAbsent(key, k -> new ArrayDeque<>());
    }
}

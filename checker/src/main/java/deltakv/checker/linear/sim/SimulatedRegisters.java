package deltakv.checker.linear.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** cas-registers (one per key, initial 0) with unique written values: read 50%, write 30%, cas 20%. */
final class SimulatedRegisters implements SimulatedObject {
    private final int keys;
    private final Map<Object, Long> values = new HashMap<>();
    private long nextValue = 1;

    SimulatedRegisters(int keys) {
        this.keys = keys;
    }

    @Override
    public Call next(Random random) {
        Object key = keys <= 1 ? null : (long) random.nextInt(keys);
        int dice = random.nextInt(10);
        if (dice < 5) return new Call("read", null, key);
        if (dice < 8) return new Call("write", nextValue++, key);
        long current = values.getOrDefault(key, 0L);
        long expected = random.nextBoolean() ? current : Math.max(0, current - 1);
        return new Call("cas", List.of(expected, nextValue++), key);
    }

    @Override
    public Completion apply(Call call) {
        long current = values.getOrDefault(call.key(), 0L);
        switch (call.f()) {
            case "read":
                return new Completion(current);
            case "write":
                values.put(call.key(), (Long) call.value());
                return new Completion(call.value());
            default:
                List<?> pair = (List<?>) call.value();
                if (!pair.get(0).equals(current)) return null;
                values.put(call.key(), (Long) pair.get(1));
                return new Completion(call.value());
        }
    }
}

package deltakv.checker.linear.sim;

import java.util.ArrayDeque;
import java.util.Random;

/** A FIFO queue with unique enqueued values: enqueue 50%, dequeue 50% (nil when empty, like LPOP). */
final class SimulatedQueue implements SimulatedObject {
    private final ArrayDeque<Long> queue = new ArrayDeque<>();
    private long nextValue = 1;

    @Override
    public Call next(Random random) {
        return random.nextBoolean() ? new Call("enqueue", nextValue++, null) : new Call("dequeue", null, null);
    }

    @Override
    public Completion apply(Call call) {
        if (call.f().equals("enqueue")) {
            queue.addLast((Long) call.value());
            return new Completion(call.value());
        }
        return new Completion(queue.pollFirst());
    }
}

package deltakv.engine.redis.commands;

import deltakv.engine.collections.Decided;
import deltakv.engine.redis.Reply;
import java.util.function.Function;

/** The reply to a {@link Decided} answer: now, or once the state machine has decided it. */
final class DecidedReplies {
    private DecidedReplies() {}

    static <T> Reply of(Decided<T> answer, Function<T, Reply> reply) {
        if (answer instanceof Decided.Now<T> now) return reply.apply(now.value());
        Decided.AtApply<T> later = (Decided.AtApply<T>) answer;
        return new Reply.Deferred(later.output(), bytes -> reply.apply(later.decode().apply(bytes)));
    }
}

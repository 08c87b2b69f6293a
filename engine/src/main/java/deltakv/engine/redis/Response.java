package deltakv.engine.redis;

/** A session's answer to one command: the reply, and whether to close the connection after it. */
public record Response(Reply reply, boolean close) {
    public static Response of(Reply reply) {
        return new Response(reply, false);
    }
}

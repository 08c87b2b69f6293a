package deltakv.engine.redis;

/**
 * One entry of the command table.
 *
 * @param name    lower-case command name
 * @param arity   Redis convention: positive = exact argument count including the name, negative = at least -arity
 * @param write   whether it may write (read-only commands never commit)
 * @param handler the implementation
 */
public record CommandSpec(String name, int arity, boolean write, DataCommand handler) {
    public boolean arityOk(int argc) {
        return arity >= 0 ? argc == arity : argc >= -arity;
    }
}

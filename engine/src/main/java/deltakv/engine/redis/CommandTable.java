package deltakv.engine.redis;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every command the server knows, by lower-case name: data commands (run in a transaction),
 * local ones (answered by the node) and the session's own transaction-control commands.
 */
public final class CommandTable {
    /** What a name resolves to. */
    public sealed interface Entry {
        String name();

        int arity();

        default boolean arityOk(int argc) {
            return arity() >= 0 ? argc == arity() : argc >= -arity();
        }
    }

    public record Data(CommandSpec spec) implements Entry {
        public String name() { return spec.name(); }

        public int arity() { return spec.arity(); }
    }

    public record Local(LocalCommand command) implements Entry {
        public String name() { return command.name(); }

        public int arity() { return command.arity(); }
    }

    /**
     * MULTI, EXEC, DISCARD, WATCH, UNWATCH, QUIT: they act on the session itself; DKV.LOCAL marks a
     * connection from another node relaying its clients' commands (never relayed further), DKV.MUX one
     * carrying many clients' single commands at once (see {@code ConnectionHandler}).
     */
    public record Control(String name, int arity) implements Entry {}

    private static final List<Control> CONTROL = List.of(new Control("multi", 1), new Control("exec", 1),
            new Control("discard", 1), new Control("watch", -2), new Control("unwatch", 1),
            new Control("quit", -1), new Control("dkv.local", 1), new Control("dkv.mux", 1));

    private final Map<String, Entry> entries = new HashMap<>();

    public CommandTable(Map<String, CommandSpec> data, List<LocalCommand> local) {
        data.forEach((name, spec) -> entries.put(name.toLowerCase(Locale.ROOT), new Data(spec)));
        for (LocalCommand c : local) entries.put(c.name(), new Local(c));
        for (Control c : CONTROL) entries.put(c.name(), c);
    }

    /** @return the entry, or null for an unknown command */
    public Entry lookup(String name) {
        return entries.get(name.toLowerCase(Locale.ROOT));
    }
}

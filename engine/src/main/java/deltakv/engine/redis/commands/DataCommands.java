package deltakv.engine.redis.commands;

import deltakv.engine.Variant;
import deltakv.engine.collections.Counters;
import deltakv.engine.collections.DataLayer;
import deltakv.engine.collections.Keyspace;
import deltakv.engine.redis.CommandSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data command table the server dispatches to (lower-case names, Redis 7 arities). */
public final class DataCommands {
    private DataCommands() {}

    public static Map<String, CommandSpec> table(DataLayer data) {
        List<CommandSpec> all = new ArrayList<>();
        Keyspace keys = data.keyspace();
        all.addAll(new StringCommands(data.strings(), keys).specs());
        all.addAll(new CounterCommands(new Counters(data.strings(), keys, data.variant() == Variant.DELTA_CF)).specs());
        all.addAll(new KeyCommands(keys).specs());
        all.addAll(new ListWriteCommands(keys, data.lists()).specs());
        all.addAll(new ListPopCommands(keys, data.lists()).specs());
        all.addAll(new ListReadCommands(keys, data.lists()).specs());
        all.addAll(new ListMoveCommands(keys, data.lists()).specs());
        all.addAll(new HashCommands(keys, data.maps().hashes()).specs());
        all.addAll(new SetCommands(keys, data.maps().sets()).specs());
        all.addAll(new SortedSetCommands(keys, data.maps().zsets()).specs());
        Map<String, CommandSpec> table = new LinkedHashMap<>();
        for (CommandSpec s : all) table.put(s.name(), s);
        return Map.copyOf(table);
    }
}

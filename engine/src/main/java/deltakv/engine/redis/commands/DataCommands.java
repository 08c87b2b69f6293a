package deltakv.engine.redis.commands;

import deltakv.engine.Variant;
import deltakv.engine.collections.Counters;
import deltakv.engine.collections.DataLayer;
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
        all.addAll(new StringCommands(data.strings(), data.lists(), data.keyspace()).specs());
        all.addAll(new CounterCommands(new Counters(data.strings(), data.lists(), data.variant() == Variant.DELTA_CF)).specs());
        all.addAll(new KeyCommands(data.keyspace()).specs());
        all.addAll(new ListWriteCommands(data.strings(), data.lists()).specs());
        all.addAll(new ListPopCommands(data.strings(), data.lists()).specs());
        all.addAll(new ListReadCommands(data.strings(), data.lists()).specs());
        all.addAll(new ListMoveCommands(data.strings(), data.lists()).specs());
        Map<String, CommandSpec> table = new LinkedHashMap<>();
        for (CommandSpec s : all) table.put(s.name(), s);
        return Map.copyOf(table);
    }
}

package deltakv.engine.redis.admin;

import deltakv.engine.redis.LocalCommand;
import java.util.List;

/** The node's INFO and {@code DKV.*} admin commands (documented in docs/admin.md). */
public final class AdminCommands {
    private AdminCommands() {}

    public static List<LocalCommand> all(AdminContext c) {
        return List.of(InfoCommand.of(c), RoleCommand.of(c), StatsCommand.of(c), BugsCommand.of(c),
                ClockCommand.of(c.clock()), CompactorCommand.of(c.compactor()));
    }
}

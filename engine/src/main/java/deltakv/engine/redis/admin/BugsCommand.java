package deltakv.engine.redis.admin;

import deltakv.engine.Bug;
import deltakv.engine.redis.LocalCommand;
import deltakv.engine.redis.Reply;
import java.util.List;

/** {@code DKV.BUGS}: the bug flags the node was started with (empty for a correct engine). */
final class BugsCommand {
    private BugsCommand() {}

    static LocalCommand of(AdminContext c) {
        List<Reply> ids = c.info().bugs().stream().map(Bug::id).sorted().map(Reply::bulk).toList();
        return new LocalCommand("dkv.bugs", 1, args -> new Reply.Array(ids));
    }
}

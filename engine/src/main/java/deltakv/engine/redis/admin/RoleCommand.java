package deltakv.engine.redis.admin;

import deltakv.engine.redis.LocalCommand;
import deltakv.engine.redis.Reply;

/**
 * {@code DKV.ROLE}: id, role, leader, term, applied commit timestamp, applied Raft index, first index
 * still in the Raft log (above a purged prefix; a member that caught up by snapshot starts past it).
 */
final class RoleCommand {
    private RoleCommand() {}

    static LocalCommand of(AdminContext c) {
        return new LocalCommand("dkv.role", 1, args -> reply(c));
    }

    static Reply reply(AdminContext c) {
        NodeStatus s = c.status();
        return new KeyValues().put("id", c.info().id()).put("role", s.role()).put("leader", s.leader())
                .put("term", s.term()).put("applied_ts", s.appliedTs())
                .put("applied_index", s.appliedIndex()).put("log_start_index", s.logStartIndex()).reply();
    }
}

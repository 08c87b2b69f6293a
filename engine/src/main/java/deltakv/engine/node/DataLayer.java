package deltakv.engine.node;

import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.admin.CompactorControl;
import deltakv.engine.txn.KeyRange;
import java.util.List;
import java.util.Map;

/** The collections layer of a node as the server sees it: commands, WATCH ranges, compactor, counters. */
public interface DataLayer extends AutoCloseable {
    Map<String, CommandSpec> commands();

    /** All internal key ranges a user key occupies, for WATCH. */
    List<KeyRange> watchRanges(byte[] userKey);

    CompactorControl compactor();

    /** Data counters for INFO (e.g. live deltas), by field name. */
    Map<String, Long> counters();

    /** Stops background work (the compactor). */
    @Override
    void close();
}

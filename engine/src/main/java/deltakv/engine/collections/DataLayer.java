package deltakv.engine.collections;

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The data structures of one node for its variant. {@code compactor} is present for {@code delta} only (delta-cf lists keep no deltas);
 * the node starts and closes it (and pauses/resumes it for the admin commands).
 */
public record DataLayer(Variant variant, StringStore strings, ListStore lists, Keyspace keyspace,
                        Optional<Compactor> compactor) {

    public static DataLayer create(EngineConfig cfg, Transactions txns, LongSupplier clockMs) {
        StringStore strings = new StringStore(clockMs);
        return switch (cfg.variant()) {
            case RMW -> {
                ListStore lists = new RmwLists();
                yield new DataLayer(Variant.RMW, strings, lists, new Keyspace(strings, lists), Optional.empty());
            }
            case DELTA -> {
                Compactor compactor = new Compactor(txns, cfg);
                ListStore lists = new DeltaLists(cfg, compactor::compactForHardLimit, compactor::nudge);
                yield new DataLayer(Variant.DELTA, strings, lists, new Keyspace(strings, lists), Optional.of(compactor));
            }
            case DELTA_CF -> {
                ListStore lists = new ApplyTimeLists(); // no deltas to fold: the state machine keeps the meta
                yield new DataLayer(Variant.DELTA_CF, strings, lists, new Keyspace(strings, lists), Optional.empty());
            }
        };
    }

    public static DataLayer create(EngineConfig cfg, Transactions txns) {
        return create(cfg, txns, System::currentTimeMillis);
    }
}

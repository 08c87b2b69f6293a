package deltakv.engine.collections;

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.collections.maps.Maps;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The data structures of one node for its variant. {@code compactor} is present for the delta layouts
 * ({@code delta}: lists and collections; {@code delta-cf}: the collections' Len deltas, its lists keep none);
 * the node starts and closes it (and pauses/resumes it for the admin commands).
 */
public record DataLayer(Variant variant, StringStore strings, ListStore lists, Maps maps, Keyspace keyspace,
                        Optional<Compactor> compactor) {

    public static DataLayer create(EngineConfig cfg, Transactions txns, LongSupplier clockMs) {
        StringStore strings = new StringStore(clockMs);
        return switch (cfg.variant()) {
            case RMW -> {
                ListStore lists = new RmwLists();
                Maps maps = Maps.create(cfg, null);
                yield new DataLayer(Variant.RMW, strings, lists, maps, new Keyspace(strings, lists, maps), Optional.empty());
            }
            case DELTA -> {
                Compactor compactor = new Compactor(txns, cfg, Maps.folds(cfg));
                ListStore lists = new DeltaLists(cfg, compactor::compactForHardLimit, compactor::nudge);
                Maps maps = Maps.create(cfg, compactor);
                yield new DataLayer(Variant.DELTA, strings, lists, maps, new Keyspace(strings, lists, maps), Optional.of(compactor));
            }
            case DELTA_CF -> {
                Compactor compactor = new Compactor(txns, cfg, Maps.folds(cfg));
                ListStore lists = new ApplyTimeLists(); // no list deltas to fold: the state machine keeps the meta
                Maps maps = Maps.create(cfg, compactor);
                yield new DataLayer(Variant.DELTA_CF, strings, lists, maps, new Keyspace(strings, lists, maps),
                        Optional.of(compactor));
            }
        };
    }

    public static DataLayer create(EngineConfig cfg, Transactions txns) {
        return create(cfg, txns, System::currentTimeMillis);
    }
}

package deltakv.engine.collections.maps;

import deltakv.engine.Bug;
import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.collections.Compactor;
import deltakv.engine.collections.DeltaFold;
import deltakv.engine.collections.KeyType;
import java.util.List;
import java.util.function.Function;

/**
 * The hashes, sets and sorted sets of one node (DELTA_DESIGN §7):
 * <ul>
 * <li>{@code rmw}: hash and set as one blob per key, read and rewritten by every write; sorted set wide
 *     column with a Len record read and written by every writer that changes the cardinality;</li>
 * <li>{@code delta} and {@code delta-cf}: all three wide column with Len = base + deltas, folded by the
 *     compactor.</li>
 * </ul>
 */
public record Maps(FieldMap hashes, FieldMap sets, SortedSets zsets) {

    /** The namespaces the compactor folds in the delta layouts (one per type). */
    public static List<DeltaFold> folds(EngineConfig cfg) {
        return List.of(new LenFold(MapKeys.HASH, cfg.maxKeysPerCompactionTx()), new LenFold(MapKeys.SET, cfg.maxKeysPerCompactionTx()),
                new LenFold(MapKeys.ZSET, cfg.maxKeysPerCompactionTx()));
    }

    public static Maps create(EngineConfig cfg, Compactor compactor) {
        // update-writes-delta lives where Len is counted apart from the fields: the wide-column layouts
        boolean bug = cfg.has(Bug.UPDATE_WRITES_DELTA);
        if (cfg.variant() == Variant.RMW) {
            return new Maps(new BlobMap(MapKeys.HASH), new BlobMap(MapKeys.SET),
                    new SortedSets(new ScoredMap(new WideMap(MapKeys.ZSET, new StoredLen(MapKeys.ZSET), bug))));
        }
        Function<MapKeys, FieldMap> wide = keys -> new WideMap(keys, deltaLen(cfg, compactor, keys), bug);
        return new Maps(wide.apply(MapKeys.HASH), wide.apply(MapKeys.SET), new SortedSets(new ScoredMap(wide.apply(MapKeys.ZSET))));
    }

    private static DeltaLen deltaLen(EngineConfig cfg, Compactor compactor, MapKeys keys) {
        DeltaFold fold = compactor.folds().stream().filter(f -> f.type().equals(keys.type().redisName())).findFirst()
                .orElseThrow();
        return new DeltaLen(keys, cfg.maxDeltaScanLimit(), cfg.has(Bug.TRUNCATED_DELTA_SUM),
                k -> compactor.compactForHardLimit(fold, k), cfg.maxDeltaCount(), k -> compactor.nudge(fold, k));
    }

    /** The collection of {@code type} (HASH, SET or ZSET) as a field map: existence, size, DEL. */
    public FieldMap of(KeyType type) {
        return switch (type) {
            case HASH -> hashes;
            case SET -> sets;
            case ZSET -> zsets.map();
            default -> throw new IllegalArgumentException("not a field map: " + type);
        };
    }
}

package deltakv.engine.collections;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Enumerates user keys by paging (tracked) through a namespace whose keys are {@code prefix len key …}. */
final class UserKeys {
    private static final int PAGE = 1024;

    private UserKeys() {}

    static Set<ByteBuffer> collect(Txn txn, KeyRange namespace, Function<byte[], byte[]> userKeyOf, Set<ByteBuffer> into) {
        byte[] from = namespace.start();
        while (true) {
            List<Txn.KV> kvs = txn.scan(new KeyRange(from, namespace.end()), PAGE, false, true);
            for (Txn.KV kv : kvs) into.add(ByteBuffer.wrap(userKeyOf.apply(kv.key())));
            if (kvs.size() < PAGE) return into;
            from = RangeEraser.successor(kvs.get(kvs.size() - 1).key());
        }
    }

    /** User keys of every list that has a base meta or any delta. */
    static Set<ByteBuffer> lists(Txn txn) {
        Set<ByteBuffer> out = new TreeSet<>();
        collect(txn, ListKeys.baseNamespace(), ListKeys::userKeyOfBase, out);
        return collect(txn, ListKeys.deltaNamespace(), ListKeys::userKeyOfDelta, out);
    }

    static Set<ByteBuffer> strings(Txn txn) {
        return collect(txn, StringKeys.namespace(), StringKeys::userKeyOf, new TreeSet<>());
    }

    /** User keys with a hash, set or sorted set type tag. */
    static Set<ByteBuffer> tagged(Txn txn) {
        return collect(txn, TypeTags.namespace(), TypeTags::userKeyOf, new TreeSet<>());
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}

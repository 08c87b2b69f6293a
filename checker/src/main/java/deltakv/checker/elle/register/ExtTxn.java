package deltakv.checker.elle.register;

import deltakv.checker.elle.Mop;
import deltakv.checker.elle.Txn;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A transaction's external effects on registers: the value of each key it read before writing it
 * (external reads) and the last value it wrote to each key (external writes).
 */
record ExtTxn(Txn txn, Map<Object, Object> reads, Map<Object, Object> writes) {
    static ExtTxn of(Txn t) {
        Map<Object, Object> reads = new HashMap<>();
        Map<Object, Object> writes = new HashMap<>();
        Set<Object> touched = new HashSet<>();
        for (Mop m : t.mops()) {
            if (m.f() == Mop.Kind.READ) {
                if (touched.add(m.key())) {
                    reads.put(m.key(), m.value());
                }
            } else {
                touched.add(m.key());
                writes.put(m.key(), m.value());
            }
        }
        return new ExtTxn(t, reads, writes);
    }

    /** The state this txn left the key in (its write, else its read), or {@link Versions#NONE}. */
    Object finalValue(Object k) {
        if (writes.containsKey(k)) {
            return writes.get(k);
        }
        if (txn.ok() && reads.containsKey(k)) {
            return reads.get(k);
        }
        return Versions.NONE;
    }

    /** The state this txn first saw the key in (its read, else its write), or {@link Versions#NONE}. */
    Object initialValue(Object k) {
        if (txn.ok() && reads.containsKey(k)) {
            return reads.get(k);
        }
        if (writes.containsKey(k)) {
            return writes.get(k);
        }
        return Versions.NONE;
    }

    Set<Object> keys() {
        Set<Object> s = new HashSet<>(writes.keySet());
        if (txn.ok()) {
            s.addAll(reads.keySet());
        }
        return s;
    }
}

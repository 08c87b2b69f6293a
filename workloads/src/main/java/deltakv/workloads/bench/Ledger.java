package deltakv.workloads.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client's record of what it pushed (acknowledged or not) and popped. Elements are unique strings
 * ({@code client-seq}), so the end check is counting. Not thread-safe: one per client thread.
 */
final class Ledger {
    final List<String> acknowledged = new ArrayList<>();
    final List<String> uncertain = new ArrayList<>();
    final List<String> popped = new ArrayList<>();
    long uncertainPops;

    /** The end check over every client's ledger and what was left in the lists. */
    static EndCheck check(List<Ledger> ledgers, List<String> remaining) {
        return check(ledgers, remaining, 0);
    }

    /** As above, with the collections' cardinality error ({@link EndCheck#cardinalityOff}). */
    static EndCheck check(List<Ledger> ledgers, List<String> remaining, long cardinalityOff) {
        Set<String> pushed = new HashSet<>();
        Set<String> maybe = new HashSet<>();
        long acked = 0;
        long uncertain = 0;
        long popped = 0;
        long uncertainPops = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (Ledger l : ledgers) {
            pushed.addAll(l.acknowledged);
            maybe.addAll(l.uncertain);
            acked += l.acknowledged.size();
            uncertain += l.uncertain.size();
            popped += l.popped.size();
            uncertainPops += l.uncertainPops;
            for (String e : l.popped) seen.merge(e, 1, Integer::sum);
        }
        for (String e : remaining) seen.merge(e, 1, Integer::sum);
        long duplicated = 0;
        long unexpected = 0;
        for (Map.Entry<String, Integer> e : seen.entrySet()) {
            duplicated += e.getValue() - 1;
            if (!pushed.contains(e.getKey()) && !maybe.contains(e.getKey())) unexpected++;
        }
        long lost = 0;
        for (String e : pushed) if (!seen.containsKey(e)) lost++;
        return new EndCheck(acked, uncertain, uncertainPops, popped, remaining.size(), lost, duplicated, unexpected,
                cardinalityOff);
    }

    /**
     * The end check of counters: every acknowledged increment counted, and no more than acknowledged plus
     * uncertain ones ({@code lost}: acknowledged increments missing; {@code unexpected}: increments beyond them).
     */
    static EndCheck checkCount(List<Ledger> ledgers, long value) {
        long acked = 0;
        long uncertain = 0;
        for (Ledger l : ledgers) {
            acked += l.acknowledged.size();
            uncertain += l.uncertain.size();
        }
        // a lost acknowledged increment and an uncertain one that landed cancel out: a bare counter cannot tell
        return new EndCheck(acked, uncertain, 0, 0, value, Math.max(0, acked - value), 0, Math.max(0, value - acked - uncertain), 0);
    }
}

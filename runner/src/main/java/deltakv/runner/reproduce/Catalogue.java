package deltakv.runner.reproduce;

import java.util.List;
import java.util.Optional;

/**
 * The anomaly catalogue: one scenario per ANOMALIES.md row, in its order. A row whose flag the engine does
 * not implement yet stays here (the engine refuses the flag, so the row reports "not implemented"), so
 * nothing drops out of the catalogue unnoticed. docs/anomalies.md explains each choice.
 */
public final class Catalogue {
    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("stale-follower-read", "followers answer LRANGE from lagging local state; partitions make them lag",
                    "list-append", "partition", List.of(), 2, "delta", 8, 10, 60, "elle",
                    List.of("G-single-item-realtime", "G2-item-realtime", "G-nonadjacent-item-realtime")),
            new Scenario("snapshot-from-hlc", "a snapshot ahead of applied state reads writes not yet applied; clock bumps widen the gap",
                    "list-append", "clock", List.of(), 4, "delta", 8, 20, 60, "elle", List.of("lost-update", "G2-item-realtime")),
            new Scenario("read-keys-leader-only", "a read set checked before proposing misses writes that commit in between; leader changes add them",
                    "list-append", "kill,partition", List.of("leader"), 4, "delta", 8, 20, 60, "elle", List.of("G-single-item", "G2-item")),
            new Scenario("multi-keeps-deltas", "MULTI rewrites base meta and keeps the old deltas: the list length is counted twice",
                    "list-append", "compactor", List.of(), 4, "delta", 8, 20, 60, "elle",
                    List.of("G-single-item-realtime", "incompatible-order")),
            new Scenario("multi-startts-base-only", "MULTI's snapshot ignores newer deltas and its cleanup erases them",
                    "list-append", "compactor", List.of(), 4, "delta", 8, 20, 60, "elle", List.of("G0-realtime", "lost-update")),
            new Scenario("del-bounded-scan", "DEL of a list with more deltas than one page leaves the rest: the list resurrects",
                    "deque", "compactor", List.of("all"), 8, "delta", 4, 20, 60, "linear", List.of("nonlinearizable")),
            new Scenario("exec-on-follower", "EXEC on a follower reads and writes its stale state",
                    "list-append", "partition", List.of(), 2, "delta", 8, 20, 60, "elle", List.of("G0")),
            new Scenario("exec-startts-ahead", "an EXEC snapshot ahead of applied state misses writes committed before it",
                    "list-append", "none", List.of(), 4, "delta", 8, 20, 60, "elle", List.of("lost-update", "G1c")),
            new Scenario("multi-read-untracked", "reads inside MULTI register no read keys: write skew goes unnoticed",
                    "list-append", "none", List.of(), 4, "delta", 8, 20, 60, "elle", List.of("G2-item")),
            new Scenario("retry-new-seq", "an ambiguous push retried at new positions lands twice; kills and partitions make pushes ambiguous",
                    "queue", "kill,partition", List.of("leader"), 4, "delta", 8, 20, 60, "total-queue", List.of("duplicated")),
            new Scenario("compactor-skips-gap", "claim GC moves Head past an unclaimed element: it is never popped",
                    "deque", "compactor", List.of("leader"), 4, "delta", 4, 20, 60, "linear", List.of("nonlinearizable")),
            new Scenario("push-keeps-stale-claim", "a push onto a recycled position keeps the old claim: the new element counts as popped",
                    "deque", "none", List.of(), 4, "delta", 4, 20, 60, "linear", List.of("nonlinearizable")),
            new Scenario("truncated-delta-sum", "with the compactor paused, resolving Len sums only the first page of deltas",
                    "queue", "compactor", List.of("all"), 8, "delta", 4, 20, 60, "total-queue", List.of("lost", "duplicated")),
            new Scenario("hlc-no-observe", "a skewed leader's deltas are compacted; a new leader behind it writes below the fold mark",
                    "queue", "clock,compactor,kill", List.of("leader"), 4, "delta", 8, 60, 60, "total-queue", List.of("lost", "duplicated")),
            new Scenario("lease-outlives-leadership", "a deposed leader keeps answering reads from its lease; clock strobes stretch a wall-clock lease",
                    "list-append", "partition,clock", List.of("leader"), 4, "delta", 8, 20, 60, "elle", List.of("G-single-item-realtime")),
            new Scenario("empty-list-drops-meta", "compacting a drained list deletes its meta; a racing push writes at the old position",
                    "queue", "compactor", List.of("leader"), 4, "delta", 2, 20, 60, "total-queue", List.of("lost")));

    private Catalogue() {}

    public static List<Scenario> all() {
        return SCENARIOS;
    }

    public static Optional<Scenario> find(String bug) {
        return SCENARIOS.stream().filter(s -> s.bug().equals(bug)).findFirst();
    }
}

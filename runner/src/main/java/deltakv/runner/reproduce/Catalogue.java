package deltakv.runner.reproduce;

import java.util.List;
import java.util.Optional;

/**
 * The anomaly catalogue: one scenario per ANOMALIES.md row, in its order, then the rows this project added
 * (update-writes-delta). docs/anomalies.md explains each choice.
 */
public final class Catalogue {
    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("stale-follower-read", "followers answer LRANGE from lagging local state; partitions make them lag",
                    "list-append", "partition", List.of(), 2, "delta", 8, 10, 60, "elle",
                    List.of("G-single-item-realtime", "G2-item-realtime", "G-nonadjacent-item-realtime")),
            new Scenario("snapshot-from-hlc", "a snapshot ahead of applied state reads writes not yet applied; clock bumps widen the gap",
                    "list-append", "clock", List.of(), 4, "delta", 8, 20, 60, "elle", List.of("lost-update", "G2-item-realtime")),
            new Scenario("read-keys-leader-only", "the read set is checked when the leader proposes, not when the entry applies: a write applied in between goes unnoticed",
                    "list-append", "none", List.of(), 4, "delta", 8, 20, 60, "elle", List.of("G-single-item", "G2-item", "lost-update")),
            new Scenario("multi-keeps-deltas", "a command inside MULTI rewrites the base meta and keeps the deltas it summed: they count twice; the compactor paused keeps them live",
                    "deque", "compactor", List.of("all"), 8, "delta", 4, 20, 60, "linear", List.of("nonlinearizable")),
            new Scenario("multi-startts-base-only", "MULTI resolves a list from its base meta alone and marks every older delta folded: committed appends vanish and get overwritten",
                    "list-append", "compactor", List.of("all"), 8, "delta", 8, 20, 60, "elle", List.of("G-single-item", "incompatible-order", "lost-update")),
            new Scenario("del-bounded-scan", "DEL of a list with more deltas than one page leaves the rest: the list resurrects",
                    "deque", "compactor", List.of("all"), 8, "delta", 4, 20, 60, "linear", List.of("nonlinearizable")),
            new Scenario("exec-on-follower", "a follower runs MULTI/EXEC at its own applied state; partitions make it lag, and read-only blocks commit nothing the apply check could reject",
                    "list-append", "partition", List.of(), 2, "delta", 8, 20, 60, "elle", List.of("G-single-item-realtime", "G2-item-realtime")),
            new Scenario("exec-startts-ahead", "an EXEC snapshot at a fresh HLC value is above commits stamped but not yet applied: it misses them and the apply check cannot tell",
                    "list-append", "none", List.of(), 4, "delta", 8, 20, 60, "elle", List.of("lost-update", "G-single-item", "G1c")),
            new Scenario("multi-read-untracked", "reads inside MULTI register no read keys: write skew goes unnoticed",
                    "list-append", "none", List.of(), 4, "delta", 8, 20, 60, "elle", List.of("G2-item")),
            new Scenario("retry-new-seq", "an ambiguous commit is retried as a new transaction at new positions: a push that had landed lands twice; leader kills and partitions make commits ambiguous",
                    "queue", "kill,partition", List.of("leader"), 4, "delta", 8, 20, 60, "total-queue", List.of("duplicated")),
            // only where the claim GC moves the bounds do claims lie inside them (docs/anomalies.md)
            new Scenario("compactor-skips-gap", "pops at both ends leave claims inside the bounds; claim GC moves Head past the unclaimed elements between them: they are never popped",
                    "deque", "compactor", List.of("leader"), 4, "delta", 4, 20, 60, "linear", List.of("nonlinearizable"))
                    .withPopBounds("claim-gc"),
            new Scenario("push-keeps-stale-claim", "a push onto a recycled position keeps the old claim: the new element counts as popped",
                    "deque", "none", List.of(), 4, "delta", 4, 20, 60, "linear", List.of("nonlinearizable")),
            new Scenario("truncated-delta-sum", "with the compactor paused, resolving Len sums only the first page of deltas",
                    "queue", "compactor", List.of("all"), 8, "delta", 4, 20, 60, "total-queue", List.of("lost", "duplicated")),
            new Scenario("hlc-no-observe", "a skewed leader's deltas are compacted; a new leader behind it writes below the fold mark",
                    "queue", "clock,compactor,kill", List.of("leader"), 4, "delta", 8, 60, 60, "total-queue", List.of("lost", "duplicated")),
            new Scenario("lease-outlives-leadership", "a leader cut off by a partition answers reads from its lease while the majority elects another and commits; a clock set back stretches the lease",
                    "list-append", "partition,clock", List.of("leader"), 3, "delta", 8, 20, 60, "elle", List.of("G-single-item-realtime", "G2-item-realtime"))
                    .withClients(20, 2),
            new Scenario("empty-list-drops-meta", "compacting a drained list deletes its meta and skips claim GC: a push that resolved the old bounds commits at the old position and is never popped",
                    "queue", "compactor", List.of("leader"), 4, "delta", 8, 30, 60, "total-queue", List.of("lost")),
            // beyond ANOMALIES.md: the cardinality bug issue 13 plants (an upstream delta store never verified its Lens)
            new Scenario("update-writes-delta", "HSET of an existing field also appends a +1 Len delta: HLEN drifts above the fields HGETALL returns",
                    "hash", "none", List.of(), 4, "delta", 4, 20, 60, "linear", List.of("nonlinearizable")));

    private Catalogue() {}

    public static List<Scenario> all() {
        return SCENARIOS;
    }

    public static Optional<Scenario> find(String bug) {
        return SCENARIOS.stream().filter(s -> s.bug().equals(bug)).findFirst();
    }
}

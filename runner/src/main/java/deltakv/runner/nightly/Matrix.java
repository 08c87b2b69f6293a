package deltakv.runner.nightly;

import deltakv.runner.reproduce.Catalogue;
import deltakv.runner.reproduce.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Everything a nightly could run (docs/nightly.md): workloads × nemeses × variants as {@code dkv test} cells of
 * {@link #TEST_SECONDS} seconds, and every catalogue scenario with its control. A few sentinel cells run every
 * night; the rest form the rotation, in one fixed shuffled order so that any stretch of it mixes workloads,
 * faults and variants.
 */
public final class Matrix {
    public static final List<String> WORKLOADS = List.of("list-append", "queue", "deque", "set", "hash", "zset", "counter");
    public static final List<String> NEMESES = List.of("none", "partition", "kill", "pause", "clock", "slow", "compactor", "all");
    public static final List<String> VARIANTS = List.of("rmw", "delta", "delta-cf");
    /** Length of each test cell: long enough for several faults at the default 10 s interval. */
    public static final double TEST_SECONDS = 30;
    /** The rotation's order never changes (a new order would break the coverage of nights already run). */
    private static final long ORDER_SEED = 20261207L;

    private Matrix() {}

    /** Every night: the design's hardest case under every fault, a queue under partitions, and a fast catalogue row. */
    public static List<Cell> sentinels() {
        return List.of(new TestCell("list-append", "all", "delta-cf", TEST_SECONDS, List.of()),
                new TestCell("queue", "partition", "delta", TEST_SECONDS, List.of()),
                new ReproduceCell(scenario("stale-follower-read")));
    }

    /** Every cell, sentinels included. */
    public static List<Cell> all() {
        List<Cell> cells = new ArrayList<>();
        for (String w : WORKLOADS) {
            for (String n : NEMESES) {
                for (String v : VARIANTS) cells.add(new TestCell(w, n, v, TEST_SECONDS, List.of()));
            }
        }
        for (Scenario s : Catalogue.all()) cells.add(new ReproduceCell(s));
        return cells;
    }

    /** The cells that are not sentinels, in the rotation's fixed order. */
    public static List<Cell> rotation() {
        List<Cell> rest = new ArrayList<>(all());
        rest.removeAll(sentinels());
        Collections.shuffle(rest, new Random(ORDER_SEED));
        return rest;
    }

    private static Scenario scenario(String bug) {
        return Catalogue.find(bug).orElseThrow(() -> new IllegalStateException("no catalogue row " + bug));
    }
}

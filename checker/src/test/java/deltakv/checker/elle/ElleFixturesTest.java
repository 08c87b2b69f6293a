package deltakv.checker.elle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.checker.CheckOptions;
import deltakv.checker.CheckResult;
import deltakv.checker.Checkers;
import deltakv.checker.Validity;
import deltakv.checker.history.HistoryReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our own small histories, one or more per anomaly and per model boundary (src/test/resources/elle), each
 * with the exact anomaly types and {@code not} set Elle's rules give. Histories must fail and must pass.
 */
class ElleFixturesTest {
    private static final String SS = "strict-serializable";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                // list-append, default model (strict-serializable)
                row("la-g0", "list-append", SS, "", "false", "G0", "read-uncommitted"),
                row("la-g1c", "list-append", SS, "", "false", "G1c", "read-committed"),
                row("la-g-single", "list-append", SS, "", "false", "G-single-item", "consistent-view repeatable-read"),
                row("la-g2-item", "list-append", SS, "", "false", "G2-item", "repeatable-read"),
                row("la-g-nonadjacent", "list-append", SS, "", "false", "G-nonadjacent-item",
                        "repeatable-read snapshot-isolation"),
                row("la-g1a", "list-append", SS, "", "false", "G1a", "read-committed"),
                row("la-g1b", "list-append", SS, "", "false", "G-single-item G1b", "read-committed"),
                row("la-internal", "list-append", SS, "", "false", "internal", "read-atomic"),
                row("la-future-read", "list-append", SS, "", "false", "empty-transaction-graph future-read",
                        "read-committed"),
                row("la-duplicates", "list-append", SS, "", "false", "duplicate-elements", "read-uncommitted"),
                row("la-incompatible-order", "list-append", SS, "", "false", "incompatible-order", "read-committed"),
                row("la-dirty-update", "list-append", SS, "", "false", "G1a dirty-update", "read-committed"),
                row("la-lost-update", "list-append", SS, "", "false", "G-single-item lost-update",
                        "cursor-stability update-atomic"),
                row("la-g-single-realtime", "list-append", SS, "", "false", "G-single-item-realtime",
                        "strong-snapshot-isolation"),
                row("la-g0-realtime", "list-append", SS, "", "false", "G0-realtime", "strong-read-uncommitted"),
                row("la-valid-serial", "list-append", SS, "", "true", "", ""),
                row("la-valid-concurrent", "list-append", SS, "", "true", "", ""),
                row("la-empty-graph", "list-append", SS, "", "unknown", "empty-transaction-graph", ""),
                // cases where Elle's naming rules matter: explainer order, unread appends, cycle-exists fallbacks
                row("la-g2-item-serial", "list-append", SS, "", "false",
                        "G2-item strong-snapshot-isolation-cycle-exists", "repeatable-read strong-snapshot-isolation"),
                row("la-unread-append", "list-append", SS, "", "false", "G-single-item-realtime",
                        "strong-snapshot-isolation"),
                row("la-incompatible-order-serial", "list-append", SS, "", "false",
                        "G1c-realtime incompatible-order strong-PL-1-cycle-exists", "read-committed strong-read-uncommitted"),
                row("rw-read-before-write", "rw-register", SS, "", "false", "G1c-realtime", "strong-read-committed"),
                row("rw-read-before-write", "rw-register", "strong-session-serializable", "", "false", "G1c-process",
                        "strong-session-read-committed"),
                row("rw-read-before-write", "rw-register", SS, "sequential-keys", "false", "G1c-realtime",
                        "strong-read-committed"),
                // model boundaries: the same history passes a weaker model and fails a stronger one
                row("la-g2-item", "list-append", "snapshot-isolation", "", "true", "", ""),
                row("la-g2-item", "list-append", "serializable", "", "false", "G2-item", "repeatable-read"),
                row("la-g-single", "list-append", "read-committed", "", "true", "", ""),
                row("la-g-single", "list-append", "snapshot-isolation", "", "false", "G-single-item",
                        "consistent-view repeatable-read"),
                row("la-g-single-realtime", "list-append", "serializable", "", "true", "", ""),
                row("la-g-single-realtime", "list-append", "strong-snapshot-isolation", "", "false",
                        "G-single-item-realtime", "strong-snapshot-isolation"),
                row("la-g0", "list-append", "read-uncommitted", "", "false", "G0", "read-uncommitted"),
                // process edges are used when the models need process order but not realtime
                row("la-g-single-process", "list-append", "strong-session-snapshot-isolation", "", "false",
                        "G-single-item-process", "strong-session-snapshot-isolation"),
                row("la-g-single-process", "list-append", SS, "", "false", "G-single-item-realtime",
                        "strong-snapshot-isolation"),
                row("la-g-single-process", "list-append", "serializable", "", "true", "", ""),
                row("la-g1c", "list-append", "read-uncommitted", "", "true", "", ""),
                row("la-internal", "list-append", "read-committed", "", "true", "", ""),
                row("la-lost-update", "list-append", "read-committed", "", "true", "", ""),
                row("la-lost-update", "list-append", "cursor-stability", "", "false", "lost-update",
                        "cursor-stability update-atomic"),
                // rw-register
                row("rw-g1c", "rw-register", SS, "", "false", "G1c", "read-committed"),
                row("rw-g2-item", "rw-register", SS, "", "false", "G2-item", "repeatable-read"),
                row("rw-g1a", "rw-register", SS, "", "false", "G1a empty-transaction-graph", "read-committed"),
                row("rw-g1b", "rw-register", SS, "", "false", "G1b empty-transaction-graph", "read-committed"),
                row("rw-internal", "rw-register", SS, "", "false", "empty-transaction-graph internal", "read-atomic"),
                row("rw-lost-update", "rw-register", SS, "", "false", "lost-update", "cursor-stability update-atomic"),
                row("rw-stale-read", "rw-register", SS, "", "false", "G-single-item-realtime",
                        "strong-snapshot-isolation"),
                row("rw-stale-read", "rw-register", "serializable", "", "true", "", ""),
                row("rw-stale-read", "rw-register", "serializable", "linearizable-keys", "false", "cyclic-versions",
                        "read-uncommitted"),
                row("rw-wfr-cycle", "rw-register", SS, "", "false", "G1c", "read-committed"),
                row("rw-wfr-cycle", "rw-register", SS, "wfr-keys", "false", "G1c cyclic-versions", "read-uncommitted"),
                row("rw-valid", "rw-register", SS, "", "true", "", ""),
                row("rw-valid", "rw-register", SS, "wfr-keys,sequential-keys,linearizable-keys", "true", "", ""));
    }

    private static Arguments row(String file, String workload, String models, String flags, String valid, String types,
                                 String not) {
        return Arguments.of(file, workload, models, flags, valid, types, not);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("fixtures")
    void verdictMatches(String file, String workload, String models, String flags, String valid, String types,
                        String not) throws Exception {
        CheckOptions opts = CheckOptions.defaults().withModels(List.of(models.split(",")))
                .withFlags(flags.isEmpty() ? Set.of() : Set.of(flags.split(",")));
        CheckResult r = Checkers.forWorkload(workload, opts).check(load(file).ops());
        String summary = r.explanation();
        assertEquals(Validity.valueOf(valid.toUpperCase()), r.valid(), summary);
        assertEquals(words(types), r.anomalyTypes(), summary);
        assertEquals(words(not), r.toData().getOrDefault("not", List.of()), summary);
    }

    static deltakv.checker.history.History load(String name) throws Exception {
        try (InputStream in = ElleFixturesTest.class.getResourceAsStream("/elle/" + name + ".edn")) {
            return HistoryReader.readString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> words(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(" "));
    }
}

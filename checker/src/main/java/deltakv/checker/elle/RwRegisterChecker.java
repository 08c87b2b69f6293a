package deltakv.checker.elle;

import deltakv.checker.CheckOptions;
import deltakv.checker.CheckResult;
import deltakv.checker.Checker;
import deltakv.checker.elle.register.RegisterAnalysis;
import deltakv.checker.history.History;
import deltakv.checker.history.HistoryValidator;
import deltakv.checker.history.Op;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Elle's rw-register checker: transactions of {@code [:w k v]} and {@code [:r k v]} with unique writes.
 * Flags (CheckOptions.flags): {@code wfr-keys}, {@code sequential-keys}, {@code linearizable-keys}.
 */
public final class RwRegisterChecker implements Checker {
    public static final Set<String> FLAGS = Set.of("wfr-keys", "sequential-keys", "linearizable-keys");

    private final CheckOptions opts;

    public RwRegisterChecker(CheckOptions opts) {
        this.opts = opts;
        CycleAnalysis.models(opts);
        for (String f : opts.flags()) {
            if (!FLAGS.contains(f)) {
                throw new IllegalArgumentException("unknown rw-register option '" + f + "' (known: " + FLAGS + ")");
            }
        }
    }

    @Override
    public CheckResult check(List<Op> ops) {
        return check(HistoryValidator.validate(ops));
    }

    public ElleResult check(History history) {
        TxnHistory th = new TxnHistory(history, EnumSet.of(Mop.Kind.WRITE, Mop.Kind.READ));
        ElleResult dup = DuplicateAppends.check(th);
        if (dup != null) {
            return dup;
        }
        Anomalies found = new Anomalies();
        Anomalies direct = new Anomalies();
        RegisterAnalysis analysis = new RegisterAnalysis(th);
        Both.run(() -> {
            EdgeList edges = new EdgeList();
            PairExplainer ex = analysis.graph(opts.flags(), edges, found);
            // Elle's rw-register explainer tries wr, then ww, then rw.
            CycleAnalysis.run(th, edges, ex, new int[] {Rel.WR, Rel.WW, Rel.RW}, opts, found);
        }, () -> analysis.directAnomalies(direct));
        found.addAll(direct);
        return Verdict.of(opts.consistencyModels(), found);
    }
}

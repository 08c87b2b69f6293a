package deltakv.checker.elle;

import deltakv.checker.CheckOptions;
import deltakv.checker.CheckResult;
import deltakv.checker.Checker;
import deltakv.checker.elle.append.AppendAnomalies;
import deltakv.checker.elle.append.AppendExplainer;
import deltakv.checker.elle.append.AppendGraph;
import deltakv.checker.elle.append.AppendIndex;
import deltakv.checker.history.History;
import deltakv.checker.history.HistoryValidator;
import deltakv.checker.history.Op;
import java.util.EnumSet;
import java.util.List;

/** Elle's list-append checker: transactions of {@code [:append k v]} and {@code [:r k [v …]]}. */
public final class ListAppendChecker implements Checker {
    private final CheckOptions opts;

    public ListAppendChecker(CheckOptions opts) {
        this.opts = opts;
        CycleAnalysis.models(opts);
    }

    @Override
    public CheckResult check(List<Op> ops) {
        return check(HistoryValidator.validate(ops));
    }

    public ElleResult check(History history) {
        TxnHistory th = new TxnHistory(history, EnumSet.of(Mop.Kind.APPEND, Mop.Kind.READ));
        ElleResult dup = DuplicateAppends.check(th);
        if (dup != null) {
            return dup;
        }
        Anomalies found = new Anomalies();
        Anomalies direct = new Anomalies();
        AppendIndex idx = new AppendIndex(th);
        Both.run(() -> {
            EdgeList edges = new EdgeList();
            AppendGraph.addEdges(th, idx, edges);
            // Elle's list-append explainer tries ww, then wr, then rw.
            CycleAnalysis.run(th, edges, new AppendExplainer(idx), new int[] {Rel.WW, Rel.WR, Rel.RW}, opts, found);
        }, () -> AppendAnomalies.findAll(th, idx, direct));
        found.addAll(direct);
        return Verdict.of(opts.consistencyModels(), found);
    }
}

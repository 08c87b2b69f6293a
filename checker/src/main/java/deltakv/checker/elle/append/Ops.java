package deltakv.checker.elle.append;

import deltakv.checker.elle.Txn;
import deltakv.checker.history.EdnPrinter;

/** How anomaly reports show a transaction. */
final class Ops {
    private Ops() {}

    static String show(Txn t) {
        return EdnPrinter.printOp(t.op());
    }

    static Object data(Txn t) {
        return show(t);
    }
}

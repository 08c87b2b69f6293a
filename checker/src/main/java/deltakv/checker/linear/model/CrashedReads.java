package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import java.util.List;
import java.util.Set;

/** Crashed ops of read-only functions have no effect and no observed output, so they can be dropped. */
final class CrashedReads {
    private CrashedReads() {}

    static List<LinOp> drop(List<LinOp> ops, Set<String> readOnly) {
        if (ops.stream().noneMatch(o -> o.crashed() && readOnly.contains(o.f()))) return ops;
        return ops.stream().filter(o -> !(o.crashed() && readOnly.contains(o.f()))).toList();
    }
}

package deltakv.checker.linear;

import java.util.ArrayList;
import java.util.List;

/** Applies a model's P-compositional split and renumbers each part's ops densely (ids are bit positions). */
final class Partitions {
    private Partitions() {}

    static List<List<LinOp>> split(Model model, List<LinOp> ops, boolean enabled) {
        List<LinOp> kept = model.simplify(ops);
        List<List<LinOp>> parts = enabled ? model.partition(kept) : List.of(kept);
        List<List<LinOp>> out = new ArrayList<>(parts.size());
        for (List<LinOp> part : parts) {
            List<LinOp> renumbered = new ArrayList<>(part.size());
            for (LinOp op : part) renumbered.add(op.withId(renumbered.size()));
            out.add(renumbered);
        }
        return out;
    }
}

package deltakv.checker;

import deltakv.checker.history.Op;
import java.util.List;

/** A checker over a complete, validated history. */
public interface Checker {
    CheckResult check(List<Op> history);
}

package deltakv.checker.linear;

import deltakv.checker.CheckOptions;
import deltakv.checker.Checker;
import deltakv.checker.history.EdnParser;
import deltakv.checker.linear.model.Models;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;

/** `dkv check --model NAME [--initial-value EDN] [--time-limit S]`: builds the linearizability checker. */
public final class ModelCheckers {
    private ModelCheckers() {}

    public static Checker create(String name, CheckOptions opts) {
        Model model = Models.create(name, initialValue(opts.initialValue()));
        Duration limit = Duration.ofNanos((long) (Math.max(0, opts.timeLimitSeconds()) * 1e9));
        return new LinearizabilityChecker(model, limit, Budget.defaultMemoryLimit(), true);
    }

    static Object initialValue(String edn) {
        if (edn == null || edn.isBlank()) return null;
        try {
            EdnParser p = new EdnParser(new StringReader(edn));
            Object v = p.next();
            if (!p.atEnd()) throw new IllegalArgumentException("--initial-value must be one EDN value: " + edn);
            return v;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalArgumentException("--initial-value is not valid EDN: " + edn + " (" + e.getMessage() + ")");
        }
    }
}

package deltakv.runner.store;

import deltakv.checker.history.EdnParser;
import deltakv.checker.history.Keyword;
import deltakv.nemesis.Fault;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The faults a run did, read back from its {@code nemesis.edn} as a schedule for {@code dkv replay}: each
 * fault at its planned time with its seed draw. The stops the runner added at the time limit (planned for
 * no time; draw 0) are left out — the replay adds its own when its main phase ends.
 */
public final class RecordedSchedule {
    private RecordedSchedule() {}

    /** @throws IllegalArgumentException with a one-line reason when a line is not a recorded fault */
    public static List<Fault> read(Path nemesisEdn) throws IOException {
        List<Fault> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(nemesisEdn)) {
            EdnParser p = new EdnParser(r);
            while (!p.atEnd()) {
                long line = p.line();
                Object v = p.next();
                if (!(v instanceof Map<?, ?> m) || !(m.get(Keyword.of("f")) instanceof Keyword f)
                        || !(m.get(Keyword.of("at-millis")) instanceof Number at)) {
                    throw new IllegalArgumentException(nemesisEdn + " line " + line + " is not a recorded fault (needs :f and :at-millis)");
                }
                long draw = m.get(Keyword.of("draw")) instanceof Number d ? d.longValue() : 0;
                Object asked = m.get(Keyword.of("asked"));
                if (f.name().startsWith("stop-") && draw == 0) continue; // the time limit's stop
                out.add(new Fault(at.longValue(), f.name(), asked, draw));
            }
        }
        return out;
    }
}

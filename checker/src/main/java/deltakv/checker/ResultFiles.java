package deltakv.checker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import deltakv.checker.history.EdnPrinter;
import deltakv.checker.history.Keyword;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link CheckResult} to an --out directory: results.edn, results.json and its own files. */
public final class ResultFiles {
    private ResultFiles() {}

    public static void write(CheckResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> data = r.toData();
        Files.writeString(dir.resolve("results.edn"), EdnPrinter.print(ednForm(data)) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(jsonForm(data)) + "\n",
                StandardCharsets.UTF_8);
        r.writeFiles(dir);
    }

    /** String map keys become keywords; "unknown" under valid? becomes :unknown. */
    static Object ednForm(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> {
                Object key = k instanceof String s ? Keyword.of(s) : ednForm(k);
                Object val = "valid?".equals(k) && "unknown".equals(x) ? Keyword.of("unknown") : ednForm(x);
                out.put(key, val);
            });
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(ednForm(x)));
            return out;
        }
        return v;
    }

    /** JSON needs string keys and plain values; anything else is printed as EDN text. */
    static Object jsonForm(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k instanceof String s ? s : EdnPrinter.print(k), jsonForm(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(jsonForm(x)));
            return out;
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        return EdnPrinter.print(v);
    }
}

package deltakv.runner.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of a bench results file ({@code dkv bench contended --out}): per point, one value per repeat —
 * its ops/s over the same repeat's redis-server reference row of the same point. Files of the older
 * {@code dkv cluster bench} (op rpush, {@code rpush_per_s}, one repeat) read the same way. A file without
 * reference rows gives raw ops/s ({@link #relative} false).
 *
 * @param errors what the bench could not measure: a variant (or {@code redis-server}, the reference) and why,
 *               from its {@code error} rows. The gate needs them to tell a point the candidate failed to
 *               measure from one it was never asked for.
 */
public record BenchFile(Path path, Map<Point, List<Double>> samples, boolean relative, Map<String, String> errors) {
    /** @throws IllegalArgumentException with a one-line reason if the file is missing or not a results file */
    public static BenchFile read(Path path) {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(Files.readString(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (doc == null || !doc.path("results").isArray()) {
            throw new IllegalArgumentException(path + " is not a bench results file (no \"results\" array)");
        }
        List<JsonNode> refs = new ArrayList<>();
        List<JsonNode> rows = new ArrayList<>();
        Map<String, String> errors = new TreeMap<>();
        for (JsonNode r : doc.get("results")) {
            if (r.has("error")) errors.putIfAbsent(r.path("variant").asText("?"), r.path("error").asText());
            if (r.has("error") || speed(r) <= 0) continue;
            (r.path("reference").asBoolean(false) ? refs : rows).add(r);
        }
        // a reference the bench tried and failed to measure still makes the file relative: its points are then
        // unusable, not raw ops/s that the gate would compare with another file's ratios
        boolean relative = !refs.isEmpty() || errors.containsKey(Gate.REFERENCE);
        Map<Point, List<Double>> samples = new TreeMap<>();
        for (JsonNode r : rows) {
            double value = speed(r);
            if (relative) {
                JsonNode ref = refs.stream().filter(x -> samePoint(x, r) && repeat(x) == repeat(r)).findFirst().orElse(null);
                if (ref == null) continue; // no reference for this point: it cannot be compared across files
                value = value / speed(ref);
            }
            Point p = new Point(r.path("variant").asText(), op(r), r.path("keys").asInt(), r.path("clients").asInt());
            samples.computeIfAbsent(p, k -> new ArrayList<>()).add(value);
        }
        return new BenchFile(path, samples, relative, errors);
    }

    private static double speed(JsonNode r) {
        JsonNode v = r.has("ops_per_s") ? r.get("ops_per_s") : r.get("rpush_per_s");
        return v == null || !v.isNumber() ? -1 : v.asDouble();
    }

    private static String op(JsonNode r) {
        return r.path("op").asText("rpush");
    }

    private static int repeat(JsonNode r) {
        return r.path("repeat").asInt(1);
    }

    private static boolean samePoint(JsonNode a, JsonNode b) {
        return op(a).equals(op(b)) && a.path("keys").asInt() == b.path("keys").asInt()
                && a.path("clients").asInt() == b.path("clients").asInt();
    }
}

package deltakv.jmh;

import deltakv.checker.history.HistoryException;
import deltakv.checker.history.HistoryReader;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Loads the register histories LinearCheckerBench measures: Knossos's cas-register data and Porcupine's etcd logs. */
final class LinearHistories {
    /** Porcupine's etcd register starts absent and a read of nil means "absent", not "unknown". */
    static final Keyword ABSENT = Keyword.of("absent");

    /** A history with the verdict its source expects. */
    record Case(String name, List<Op> ops, boolean expectedValid) {}

    private LinearHistories() {}

    /** DIR/knossos/cas-register/{good,bad}/*.edn; the folder name is the expected verdict. Empty if absent. */
    static List<Case> knossos(Path conformance) throws IOException {
        List<Case> out = new ArrayList<>();
        for (String verdict : List.of("good", "bad")) {
            Path dir = conformance.resolve("knossos/cas-register").resolve(verdict);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) out.add(new Case(f.getFileName().toString(), read(f), verdict.equals("good")));
            }
        }
        return out;
    }

    private static List<Op> read(Path f) throws IOException {
        try {
            return HistoryReader.read(f).ops();
        } catch (HistoryException e) {
            // A few Knossos files are one EDN list "( … )" rather than a vector; read them as a vector.
            String text = Files.readString(f).strip().replaceAll("(?m)^\\s*;.*$", "").strip();
            if (!text.startsWith("(")) throw e;
            return HistoryReader.readString("[" + text.substring(1, text.length() - 1) + "]").ops();
        }
    }

    private static final Pattern LINE =
            Pattern.compile("^INFO\\s+jepsen\\.util - (\\d+)\\t:(invoke|ok|fail|info)\\t:(read|write|cas)\\t(.*)$");

    /** DIR/etcd_NNN.log with DIR/EXPECTED.txt lines "NNN true|false" (from porcupine_test.go). Empty if absent. */
    static List<Case> porcupineEtcd(Path dir) throws IOException {
        List<Case> out = new ArrayList<>();
        Path expected = dir.resolve("EXPECTED.txt");
        if (!Files.isRegularFile(expected)) return out;
        for (String line : Files.readAllLines(expected)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2) continue;
            String name = String.format("etcd_%03d.log", Integer.parseInt(parts[0]));
            out.add(new Case(name, etcdLog(dir.resolve(name)), Boolean.parseBoolean(parts[1])));
        }
        return out;
    }

    private static List<Op> etcdLog(Path log) throws IOException {
        List<Op> ops = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) continue;
            OpType type = OpType.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT));
            String f = m.group(3);
            Object value = value(m.group(4).trim(), type, f);
            long i = ops.size();
            ops.add(new Op(i, i, type, Long.parseLong(m.group(1)), f, value, null, Map.of()));
        }
        return ops;
    }

    private static Object value(String text, OpType type, String f) {
        if (text.equals(":timed-out")) return null;
        if (text.equals("nil")) return type == OpType.OK && f.equals("read") ? ABSENT : null;
        if (text.startsWith("[")) {
            String[] two = text.substring(1, text.length() - 1).trim().split("\\s+");
            return List.of(Long.parseLong(two[0]), Long.parseLong(two[1]));
        }
        return Long.parseLong(text);
    }
}

package deltakv.checker.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes histories as Jepsen EDN, one op per line. */
public final class HistoryWriter {
    private HistoryWriter() {}

    public static void write(Iterable<Op> ops, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(ops, w);
        }
    }

    public static void write(Iterable<Op> ops, Writer w) throws IOException {
        for (Op op : ops) {
            w.write(EdnPrinter.printOp(op));
            w.write('\n');
        }
    }
}

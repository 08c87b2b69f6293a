package deltakv.checker.linear;

import deltakv.checker.history.HistoryReader;
import deltakv.checker.history.Op;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the fixture histories and their TSV manifests from test resources. */
public final class Fixtures {
    private Fixtures() {}

    public static Path path(String resource) {
        try {
            return Path.of(Fixtures.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + resource, e);
        }
    }

    public static List<Op> history(String resource) throws IOException {
        return HistoryReader.read(path(resource)).ops();
    }

    /** Manifest rows (header skipped), each split on tabs keeping empty trailing fields. */
    public static List<String[]> manifest(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(path(resource))) {
            if (line.isBlank() || line.startsWith("file\t")) continue;
            rows.add(line.split("\t", -1));
        }
        return rows;
    }
}

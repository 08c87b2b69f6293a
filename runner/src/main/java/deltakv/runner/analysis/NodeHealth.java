package deltakv.runner.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the nodes did besides answering: unexpected exits (recorded by the runner) and ERROR / OutOfMemory
 * lines in {@code nodes/<id>/node.log}. A node that died on its own or ran out of memory makes the run not
 * valid; ERROR lines are reported (Raft logs some during ordinary leader changes) but do not decide it.
 */
public final class NodeHealth {
    private static final int MAX_LINES = 20;

    private NodeHealth() {}

    public static Map<String, Object> check(Path nodesDir, List<String> unexpectedExits) throws IOException {
        List<String> errors = new ArrayList<>();
        List<String> oom = new ArrayList<>();
        long errorCount = 0;
        if (Files.isDirectory(nodesDir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(nodesDir, Files::isDirectory)) {
                List<Path> dirs = new ArrayList<>();
                ds.forEach(dirs::add);
                dirs.sort(null);
                for (Path d : dirs) {
                    Path log = d.resolve("node.log");
                    if (!Files.isRegularFile(log)) continue;
                    try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            boolean isOom = line.contains("OutOfMemoryError");
                            if (isOom && oom.size() < MAX_LINES) oom.add(d.getFileName() + ": " + line);
                            if (isOom || line.contains(" ERROR ") || line.startsWith("ERROR")) {
                                errorCount++;
                                if (errors.size() < MAX_LINES) errors.add(d.getFileName() + ": " + line);
                            }
                        }
                    } catch (java.nio.charset.MalformedInputException e) {
                        errors.add(d.getFileName() + ": node.log is not UTF-8 text");
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid?", unexpectedExits.isEmpty() && oom.isEmpty());
        out.put("unexpected-exits", unexpectedExits);
        out.put("out-of-memory", oom);
        out.put("error-line-count", errorCount);
        out.put("error-lines", errors);
        return out;
    }
}

package deltakv.runner.serve;

import static deltakv.runner.serve.Html.esc;

import deltakv.runner.store.Json;
import deltakv.runner.store.RunDir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code /run/<test>/<stamp>}: one run — its verdict and options, the summary the run printed, each failing
 * checker's explanation, the plots, the timeline, the nemesis schedule, and a link to every file and to a zip.
 */
final class RunPage {
    static final List<String> PLOTS = List.of("latency-raw.png", "latency-quantiles.png", "rate.png", "clock.png");
    /** Text shown inline is cut here (a long history's schedule or explanation stays a link). */
    private static final int INLINE_BYTES = 64 * 1024;

    private RunPage() {}

    static String render(RunEntry r, Path dir, SafePath safe) {
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"wrap\"><table id=\"run\"><tr><th>valid?</th><th>workload</th><th>nemesis</th><th>variant</th><th>bug</th>")
                .append("<th class=\"num\">seconds</th><th class=\"num\">ok/s</th></tr><tr>").append(Html.validCell(r.valid())).append("<td>")
                .append(esc(r.workload())).append("</td><td>").append(esc(r.nemesis())).append("</td><td>").append(esc(r.variant()))
                .append("</td><td>").append(esc(String.join(",", r.bugs()))).append("</td><td class=\"num\">")
                .append(String.format("%.1f", r.seconds())).append("</td><td class=\"num\">")
                .append(r.okPerSecond() == null ? "" : String.format("%.1f", r.okPerSecond())).append("</td></tr></table></div>\n");
        b.append("<p><a id=\"zip\" href=\"").append(esc(Html.url("/zip/", r.path()))).append("\">download the run (zip)</a></p>\n");

        b.append("<h2>Results</h2>\n");
        text(b, safe, dir.resolve(RunDir.SUMMARY), "summary", "(no summary yet: the run is still going, or was cut short)");
        explanations(b, dir, r.path(), safe);

        b.append("<h2>Plots</h2>\n");
        boolean any = false;
        for (String p : PLOTS) {
            if (Files.isRegularFile(dir.resolve(p)) && safe.inside(dir.resolve(p))) {
                any = true;
                b.append("<p><img class=\"plot\" alt=\"").append(p).append("\" src=\"").append(esc(Html.url("/files/", r.path() + "/" + p)))
                        .append("\"></p>\n");
            }
        }
        if (!any) b.append("<p>(no plots yet)</p>\n");

        b.append("<h2>Timeline</h2>\n");
        if (Files.isRegularFile(dir.resolve("timeline.html"))) {
            b.append("<iframe id=\"timeline\" src=\"").append(esc(Html.url("/files/", r.path() + "/timeline.html"))).append("\"></iframe>\n");
        } else {
            b.append("<p>(no timeline yet)</p>\n");
        }

        b.append("<h2>Nemesis schedule</h2>\n");
        text(b, safe, dir.resolve(RunDir.NEMESIS), "nemesis", "(no faults recorded)");

        b.append("<h2>Files</h2>\n<ul id=\"files\">");
        for (String f : files(dir)) {
            b.append("<li><a href=\"").append(esc(Html.url("/files/", r.path() + "/" + f))).append("\">").append(esc(f)).append("</a></li>");
        }
        b.append("</ul>\n");
        b.append("<h2>Options</h2>\n");
        text(b, safe, dir.resolve(RunDir.TEST), "test", "");
        return Html.page(r.test() + " " + r.stamp(), b.toString());
    }

    /** Each checker that was not valid: its anomaly types, and its explanation files (a checker's own directory). */
    private static void explanations(StringBuilder b, Path dir, String rel, SafePath safe) {
        Map<String, Object> results;
        try {
            Path f = dir.resolve(RunDir.RESULTS_JSON);
            if (!safe.inside(f)) return;
            results = Json.read(f);
        } catch (IOException | RuntimeException e) {
            return;
        }
        StringBuilder e = new StringBuilder();
        for (Map.Entry<String, Object> c : results.entrySet()) {
            if (!(c.getValue() instanceof Map<?, ?> m) || Boolean.TRUE.equals(m.get("valid?")) || !m.containsKey("valid?")) continue;
            e.append("<h3>").append(esc(c.getKey())).append(": valid? ").append(esc(String.valueOf(m.get("valid?")))).append("</h3>\n");
            if (m.get("anomaly-types") instanceof List<?> types && !types.isEmpty()) {
                e.append("<p>anomalies: ").append(esc(String.join(", ", types.stream().map(String::valueOf).toList()))).append("</p>\n");
            }
            // a checker's name is one plain path segment, or its files are not looked for
            if (!c.getKey().matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) continue;
            Path sub = dir.resolve(c.getKey());
            if (Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS) && safe.inside(sub)) {
                e.append("<ul>");
                for (String f : files(sub)) {
                    e.append("<li><a href=\"").append(esc(Html.url("/files/", rel + "/" + c.getKey() + "/" + f))).append("\">")
                            .append(esc(c.getKey() + "/" + f)).append("</a>");
                    if (f.endsWith(".txt")) text(e, safe, sub.resolve(f), "explanation-" + f.replaceAll("[^A-Za-z0-9-]", "_"), "");
                    e.append("</li>");
                }
                e.append("</ul>\n");
            }
        }
        if (!e.isEmpty()) b.append("<div id=\"explanations\"><h2>Anomalies</h2>\n").append(e).append("</div>\n");
    }

    /** A file's first {@link #INLINE_BYTES} bytes as text (bad UTF-8 replaced), if it lies inside the store. */
    private static void text(StringBuilder b, SafePath safe, Path f, String id, String none) {
        if (Files.isRegularFile(f) && safe.inside(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                byte[] head = in.readNBytes(INLINE_BYTES + 1);
                String t = new String(head, 0, Math.min(head.length, INLINE_BYTES), StandardCharsets.UTF_8);
                if (head.length > INLINE_BYTES) t += "\n… (cut; the whole file is linked below)";
                b.append("<pre id=\"").append(id).append("\">").append(esc(t)).append("</pre>\n");
                return;
            } catch (IOException | RuntimeException e) {
                // being written
            }
        }
        if (!none.isEmpty()) b.append("<p>").append(esc(none)).append("</p>\n");
    }

    /**
     * Regular files under {@code dir} (links not followed, not listed), relative, sorted; the nodes' data directories
     * left out (logs kept). A directory that vanishes during the walk (a run being cleaned up) is skipped.
     */
    static List<String> files(Path dir) {
        List<String> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    if (a.isRegularFile()) {
                        String rel = dir.relativize(p).toString().replace('\\', '/');
                        if (!rel.startsWith("nodes/") || rel.endsWith(".log")) out.add(rel);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // listed as far as it got
        }
        out.sort(null);
        return out;
    }
}

package deltakv.runner.serve;

import static deltakv.runner.serve.Html.esc;

import deltakv.runner.store.Json;
import deltakv.runner.store.RunDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code /run/<test>/<stamp>}: one run — its verdict and options, the summary the run printed, each failing
 * checker's explanation, the plots, the timeline, the nemesis schedule, and a link to every file and to a zip.
 */
final class RunPage {
    static final List<String> PLOTS = List.of("latency-raw.png", "latency-quantiles.png", "rate.png", "clock.png");
    /** Text shown inline is cut here (a long history's schedule or explanation stays a link). */
    private static final int INLINE_BYTES = 64 * 1024;

    private RunPage() {}

    static String render(RunEntry r, Path dir) {
        StringBuilder b = new StringBuilder();
        String files = Html.url("/files/", r.path()) + "/";
        b.append("<div class=\"wrap\"><table id=\"run\"><tr><th>valid?</th><th>workload</th><th>nemesis</th><th>variant</th><th>bug</th>")
                .append("<th class=\"num\">seconds</th><th class=\"num\">ok/s</th></tr><tr>").append(Html.validCell(r.valid())).append("<td>")
                .append(esc(r.workload())).append("</td><td>").append(esc(r.nemesis())).append("</td><td>").append(esc(r.variant()))
                .append("</td><td>").append(esc(String.join(",", r.bugs()))).append("</td><td class=\"num\">")
                .append(String.format("%.1f", r.seconds())).append("</td><td class=\"num\">")
                .append(r.okPerSecond() == null ? "" : String.format("%.1f", r.okPerSecond())).append("</td></tr></table></div>\n");
        b.append("<p><a id=\"zip\" href=\"").append(esc(Html.url("/zip/", r.path()))).append("\">download the run (zip)</a></p>\n");

        b.append("<h2>Results</h2>\n");
        text(b, dir.resolve(RunDir.SUMMARY), "summary", "(no summary yet: the run is still going, or was cut short)");
        explanations(b, dir, files);

        b.append("<h2>Plots</h2>\n");
        boolean any = false;
        for (String p : PLOTS) {
            if (Files.isRegularFile(dir.resolve(p))) {
                any = true;
                b.append("<p><img class=\"plot\" alt=\"").append(p).append("\" src=\"").append(esc(files + p)).append("\"></p>\n");
            }
        }
        if (!any) b.append("<p>(no plots yet)</p>\n");

        b.append("<h2>Timeline</h2>\n");
        if (Files.isRegularFile(dir.resolve("timeline.html"))) {
            b.append("<iframe id=\"timeline\" src=\"").append(esc(files + "timeline.html")).append("\"></iframe>\n");
        } else {
            b.append("<p>(no timeline yet)</p>\n");
        }

        b.append("<h2>Nemesis schedule</h2>\n");
        text(b, dir.resolve(RunDir.NEMESIS), "nemesis", "(no faults recorded)");

        b.append("<h2>Files</h2>\n<ul id=\"files\">");
        for (String f : files(dir)) b.append("<li><a href=\"").append(esc(files + f)).append("\">").append(esc(f)).append("</a></li>");
        b.append("</ul>\n");
        b.append("<h2>Options</h2>\n");
        text(b, dir.resolve(RunDir.TEST), "test", "");
        return Html.page(r.test() + " " + r.stamp(), b.toString());
    }

    /** Each checker that was not valid: its anomaly types and explanation (results.json), and its explanation files. */
    private static void explanations(StringBuilder b, Path dir, String files) {
        Map<String, Object> results;
        try {
            results = Json.read(dir.resolve(RunDir.RESULTS_JSON));
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
            Object why = m.get("explanation");
            if (why != null && !String.valueOf(why).isBlank()) e.append("<pre>").append(esc(cut(String.valueOf(why)))).append("</pre>\n");
            Path sub = dir.resolve(c.getKey());
            if (Files.isDirectory(sub)) {
                e.append("<ul>");
                for (String f : files(sub)) {
                    e.append("<li><a href=\"").append(esc(files + c.getKey() + "/" + f)).append("\">").append(esc(c.getKey() + "/" + f))
                            .append("</a>");
                    if (f.endsWith(".txt")) text(e, sub.resolve(f), "explanation-" + f.replaceAll("[^A-Za-z0-9-]", "_"), "");
                    e.append("</li>");
                }
                e.append("</ul>\n");
            }
        }
        if (!e.isEmpty()) b.append("<div id=\"explanations\"><h2>Anomalies</h2>\n").append(e).append("</div>\n");
    }

    private static void text(StringBuilder b, Path f, String id, String none) {
        try {
            if (Files.isRegularFile(f)) {
                b.append("<pre id=\"").append(id).append("\">").append(esc(cut(Files.readString(f)))).append("</pre>\n");
                return;
            }
        } catch (IOException | RuntimeException e) {
            // being written
        }
        if (!none.isEmpty()) b.append("<p>").append(esc(none)).append("</p>\n");
    }

    private static String cut(String s) {
        return s.length() <= INLINE_BYTES ? s : s.substring(0, INLINE_BYTES) + "\n… (cut; the whole file is linked below)";
    }

    /** Files under {@code dir}, relative, sorted; the nodes' data directories left out (logs kept). */
    static List<String> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("nodes/") || p.endsWith(".log")).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }
}

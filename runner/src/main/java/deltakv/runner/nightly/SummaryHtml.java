package deltakv.runner.nightly;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code nightly.html}: the summary as one self-contained page, {@code valid?} coloured as Jepsen's web page does
 * (true blue, unknown orange, false pink, crashed or not run grey), links relative to the nightly's directory so
 * the page works opened from disk and served from the store. Narrow screens scroll the table sideways.
 */
public final class SummaryHtml {
    /** Jepsen's web page: true blue, unknown orange, false pink; crashed, incomplete or not run grey. */
    public static final Map<String, String> COLOURS = Map.of("true", "#6DB6FE", "unknown", "#FFAA26", "false", "#FEB5DA",
            "crashed", "#EAEAEA", "incomplete", "#EAEAEA");

    private SummaryHtml() {}

    /** @param dir the nightly's directory (links to runs are made relative to it) */
    public static String render(Summary s, Path dir) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>dkv nightly ").append(esc(s.name())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}")
                .append("td,th{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:left;white-space:nowrap}")
                .append(".wrap{overflow-x:auto}.num{text-align:right}code{font-size:90%}")
                .append("</style></head><body>\n");
        b.append("<h1>Nightly ").append(esc(s.name())).append("</h1>\n<p>");
        b.append("exit <b>").append(s.exitCode()).append("</b>: ").append(esc(s.exitReason())).append("<br>");
        b.append("seed ").append(s.seed()).append(", budget ").append(Budget.format(s.budgetSeconds()));
        if (s.shards() > 1) b.append(", shard ").append(s.shard()).append('/').append(s.shards());
        if (s.slice() >= 0) b.append(", rotation slice ").append(s.slice() + 1).append(" of ").append(s.slices());
        if (s.gitCommit() != null) b.append(", git <code>").append(esc(s.gitCommit())).append("</code>");
        b.append("<br>").append(esc(s.started())).append(" → ").append(esc(s.finished() == null ? "(running)" : s.finished()));
        b.append("</p>\n<div class=\"wrap\"><table id=\"runs\"><tr><th>run</th><th>valid?</th><th>status</th><th>workload</th>")
                .append("<th>nemesis</th><th>variant</th><th>bug</th><th>anomalies</th><th class=\"num\">ops</th>")
                .append("<th class=\"num\">seconds</th><th>files</th></tr>\n");
        for (Row r : s.rows()) {
            b.append("<tr><td>").append(esc(r.cell())).append("</td>").append(cell(r.valid())).append("<td>")
                    .append(esc(r.status())).append("</td><td>").append(esc(r.workload())).append("</td><td>")
                    .append(esc(r.nemesis())).append("</td><td>").append(esc(r.variant())).append("</td><td>")
                    .append(esc(r.bug() == null ? "" : r.bug())).append("</td><td>").append(esc(String.join(", ", r.anomalies())))
                    .append("</td><td class=\"num\">").append(r.ops()).append("</td><td class=\"num\">")
                    .append(String.format("%.1f", r.seconds())).append("</td><td>").append(link(dir, r.runDir(), "run"))
                    .append(' ').append(link(dir, r.output(), "output")).append("</td></tr>\n");
        }
        int left = s.planned().size() - s.rows().size();
        if (left > 0) b.append("<tr><td colspan=\"11\">").append(left).append(" planned cells not run yet</td></tr>\n");
        b.append("</table></div>\n");

        List<Row> cat = s.catalogueRows();
        if (!cat.isEmpty()) {
            b.append("<h2>Anomaly catalogue</h2>\n<div class=\"wrap\"><table id=\"catalogue\"><tr><th>bug</th><th>detected</th>")
                    .append("<th>anomalies</th><th class=\"num\">test seconds</th><th>control</th></tr>\n");
            for (Row r : cat) {
                b.append("<tr><td>").append(esc(r.bug())).append("</td>").append(cell(r.status().equals("detected") ? "true"
                                : r.valid().equals("crashed") ? "crashed" : r.valid().equals("unknown") ? "unknown" : "false", r.status()))
                        .append("<td>").append(esc(String.join(", ", r.anomalies()))).append("</td><td class=\"num\">")
                        .append(String.format("%.0f", r.testSeconds())).append("</td>")
                        .append(r.control() == null ? "<td></td>" : cell(r.control().equals("valid") ? "true"
                                : r.control().equals("invalid") ? "false" : "unknown", r.control()))
                        .append("</tr>\n");
            }
            b.append("</table></div>\n");
        }
        b.append("<h2>Gate</h2>\n<p id=\"gate\">");
        if (s.gate() == null) b.append("not run (no --baseline)");
        else b.append(esc(String.valueOf(s.gate().get("verdict")))).append(" (exit ").append(esc(String.valueOf(s.gate().get("exit-code")))).append(") ")
                .append(link(dir, (String) s.gate().get("output"), "gate output"));
        b.append("</p>\n");
        if (s.coverage() != null) {
            var c = s.coverage();
            b.append("<p id=\"coverage\">Coverage: ").append(c.covered()).append(" of ").append(c.matrix())
                    .append(" matrix cells run by the nightlies in this store, over ").append(c.nights()).append(" nights.</p>\n");
        }
        b.append("<p><a href=\"nightly.txt\">nightly.txt</a> · <a href=\"nightly.json\">nightly.json</a> · ")
                .append("<a href=\"plan.txt\">plan.txt</a></p>\n</body></html>\n");
        return b.toString();
    }

    private static String cell(String valid) {
        return cell(valid, valid);
    }

    private static String cell(String valid, String text) {
        return "<td class=\"valid\" style=\"background:" + COLOURS.getOrDefault(valid, "#EAEAEA") + "\">" + esc(text) + "</td>";
    }

    /** A link relative to the nightly's directory; only absolute paths are linked (a row read from elsewhere is not trusted). */
    private static String link(Path dir, String target, String text) {
        if (target == null) return "";
        Path t;
        try {
            t = Path.of(target);
        } catch (java.nio.file.InvalidPathException e) {
            return "";
        }
        if (!t.isAbsolute()) return "";
        StringBuilder href = new StringBuilder();
        for (Path part : dir.toAbsolutePath().relativize(t.normalize())) {
            if (href.length() > 0) href.append('/');
            href.append(java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return "<a href=\"" + esc(href.toString()) + "\">" + esc(text) + "</a>";
    }

    /** Text for HTML content and attribute values. */
    public static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}

package deltakv.runner.serve;

import static deltakv.runner.serve.Html.esc;

import deltakv.runner.nightly.CellRunner;
import deltakv.runner.nightly.Summary;
import deltakv.runner.store.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code /}: the nightlies, then every run newest first, with filters (workload, nemesis, variant, bug flag, valid?,
 * at least N seconds) that are plain query parameters, so a filtered list is a link one can share.
 */
final class IndexPage {

    private IndexPage() {}

    static String render(StoreIndex index, Map<String, String> query) {
        List<RunEntry> all = index.runs();
        List<RunEntry> runs = all.stream().filter(r -> matches(r, query)).toList();
        StringBuilder b = new StringBuilder();
        nightlies(b, index.nightlies());
        b.append("<h2>Runs</h2>\n<form method=\"get\" action=\"/\" id=\"filters\">");
        select(b, "workload", all, RunEntry::workload, query);
        select(b, "nemesis", all, RunEntry::nemesis, query);
        select(b, "variant", all, RunEntry::variant, query);
        select(b, "bug", all, IndexPage::bug, query);
        select(b, "valid", all, RunEntry::valid, query);
        b.append("<label>seconds ≥ <input name=\"min-seconds\" size=\"4\" inputmode=\"numeric\" value=\"")
                .append(esc(query.getOrDefault("min-seconds", ""))).append("\"></label> ");
        b.append("<button type=\"submit\">Filter</button> <a href=\"/\">clear</a></form>\n");
        b.append("<p>").append(runs.size()).append(" of ").append(all.size()).append(" runs</p>\n");
        b.append("<div class=\"wrap\"><table id=\"runs\"><tr><th>started</th><th>test</th><th>valid?</th><th>workload</th><th>nemesis</th>")
                .append("<th>variant</th><th>bug</th><th class=\"num\">seconds</th><th class=\"num\">ok/s</th></tr>\n");
        for (RunEntry r : runs) {
            b.append("<tr><td>").append(esc(r.stamp())).append("</td><td><a href=\"").append(esc(Html.url("/run/", r.path())))
                    .append("\">").append(esc(r.test())).append("</a></td>").append(Html.validCell(r.valid())).append("<td>")
                    .append(esc(r.workload())).append("</td><td>").append(esc(r.nemesis())).append("</td><td>").append(esc(r.variant()))
                    .append("</td><td>").append(esc(String.join(",", r.bugs()))).append("</td><td class=\"num\">")
                    .append(String.format("%.1f", r.seconds())).append("</td><td class=\"num\">")
                    .append(r.okPerSecond() == null ? "" : String.format("%.1f", r.okPerSecond())).append("</td></tr>\n");
        }
        b.append("</table></div>\n");
        return Html.page("DeltaKV runs", b.toString());
    }

    static boolean matches(RunEntry r, Map<String, String> q) {
        return ok(q.get("workload"), r.workload()) && ok(q.get("nemesis"), r.nemesis()) && ok(q.get("variant"), r.variant())
                && ok(q.get("bug"), bug(r)) && ok(q.get("valid"), r.valid()) && r.seconds() >= minSeconds(q.get("min-seconds"));
    }

    /** A run's bug flags as one filter value; "none" for the correct engine. */
    static String bug(RunEntry r) {
        return r.bugs().isEmpty() ? "none" : String.join(",", r.bugs());
    }

    private static double minSeconds(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return 0; // not a number: no filter
        }
    }

    private static boolean ok(String want, String have) {
        return want == null || want.isEmpty() || want.equals(have);
    }

    private static void select(StringBuilder b, String name, List<RunEntry> runs, Function<RunEntry, String> f, Map<String, String> q) {
        b.append("<label>").append(name).append(name.equals("valid") ? "?" : "").append(" <select name=\"").append(name).append("\">")
                .append("<option value=\"\">any</option>");
        for (String v : new TreeSet<>(runs.stream().map(f).toList())) {
            b.append("<option").append(v.equals(q.get(name)) ? " selected" : "").append(" value=\"").append(esc(v)).append("\">")
                    .append(esc(v)).append("</option>");
        }
        b.append("</select></label>");
    }

    private static void nightlies(StringBuilder b, List<Path> dirs) {
        if (dirs.isEmpty()) return;
        b.append("<h2>Nightlies</h2>\n<div class=\"wrap\"><table id=\"nightlies\"><tr><th>nightly</th><th>valid?</th><th>exit</th>")
                .append("<th class=\"num\">cells</th><th>shard</th></tr>\n");
        for (Path d : dirs) {
            String name = d.getFileName().toString();
            String valid = "incomplete";
            String exit = "";
            String cells = "";
            String shard = "";
            try {
                Summary s = Summary.fromMap(Json.read(d.resolve("nightly.json")));
                int code = s.exitCode();
                valid = s.finished() == null ? "incomplete" : CellRunner.verdict(code);
                exit = s.finished() == null ? "running" : String.valueOf(code);
                cells = s.rows().size() + "/" + s.planned().size();
                shard = s.shards() > 1 ? s.shard() + "/" + s.shards() : "";
            } catch (java.io.IOException | RuntimeException e) {
                // half written: incomplete
            }
            b.append("<tr><td><a href=\"").append(esc(Html.url("/files/nightly/", name + "/nightly.html"))).append("\">").append(esc(name))
                    .append("</a></td>").append(Html.validCell(valid)).append("<td>").append(esc(exit)).append("</td><td class=\"num\">")
                    .append(esc(cells)).append("</td><td>").append(esc(shard)).append("</td></tr>\n");
        }
        b.append("</table></div>\n");
    }
}

package deltakv.runner.serve;

import static deltakv.runner.serve.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code /compare}: the variants side by side over every stored run of the correct engine (runs with a bug flag
 * are left out): how many were valid, their median throughput, and per fault kind the median time from a fault's
 * start to the next acknowledged write. {@code ?workload=} narrows it to one workload.
 */
final class ComparePage {
    private ComparePage() {}

    static String render(StoreIndex index, Map<String, String> query) {
        String workload = query.getOrDefault("workload", "");
        List<RunEntry> all = index.runs().stream().filter(r -> r.bugs().isEmpty()).toList();
        List<RunEntry> runs = all.stream().filter(r -> workload.isEmpty() || r.workload().equals(workload)).toList();
        Map<String, List<RunEntry>> byVariant = new TreeMap<>();
        for (RunEntry r : runs) byVariant.computeIfAbsent(r.variant(), v -> new ArrayList<>()).add(r);

        StringBuilder b = new StringBuilder();
        b.append("<form method=\"get\" action=\"/compare\"><label>workload <select name=\"workload\"><option value=\"\">any</option>");
        for (String w : new TreeSet<>(all.stream().map(RunEntry::workload).toList())) {
            b.append("<option").append(w.equals(workload) ? " selected" : "").append(" value=\"").append(esc(w)).append("\">")
                    .append(esc(w)).append("</option>");
        }
        b.append("</select></label><button type=\"submit\">Show</button></form>\n");
        b.append("<p>").append(runs.size()).append(" runs of the correct engine (runs with a bug flag left out)</p>\n");
        b.append("<div class=\"wrap\"><table id=\"compare\"><tr><th>variant</th><th class=\"num\">runs</th>");
        for (String v : List.of("true", "false", "unknown", "incomplete")) b.append(Html.validCell(v).replace("<td", "<th").replace("</td>", "</th>"));
        b.append("<th class=\"num\">median ok/s</th></tr>\n");
        for (Map.Entry<String, List<RunEntry>> e : byVariant.entrySet()) {
            b.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"num\">").append(e.getValue().size()).append("</td>");
            for (String v : List.of("true", "false", "unknown", "incomplete")) {
                b.append("<td class=\"num\">").append(e.getValue().stream().filter(r -> r.valid().equals(v)).count()).append("</td>");
            }
            List<Double> rates = e.getValue().stream().filter(r -> r.okPerSecond() != null).map(RunEntry::okPerSecond).toList();
            b.append("<td class=\"num\">").append(rates.isEmpty() ? "" : String.format("%.1f", median(rates))).append("</td></tr>\n");
        }
        b.append("</table></div>\n");

        // fault kind → variant → unavailable seconds (and how many faults had no write after them)
        Map<String, Map<String, List<Double>>> unavailable = new TreeMap<>();
        Map<String, Map<String, Integer>> never = new TreeMap<>();
        for (RunEntry r : runs) {
            for (Map<String, Object> f : r.faults()) {
                String kind = String.valueOf(f.get("fault"));
                if (f.get("unavailable-s") instanceof Number n) {
                    unavailable.computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(r.variant(), v -> new ArrayList<>()).add(n.doubleValue());
                } else {
                    never.computeIfAbsent(kind, k -> new TreeMap<>()).merge(r.variant(), 1, Integer::sum);
                    unavailable.computeIfAbsent(kind, k -> new TreeMap<>());
                }
            }
        }
        b.append("<h2>Unavailability per fault</h2>\n<p>Median seconds from a fault's start to the next acknowledged write ")
                .append("(faults; faults with no write after them).</p>\n");
        b.append("<div class=\"wrap\"><table id=\"unavailability\"><tr><th>fault</th>");
        for (String v : byVariant.keySet()) b.append("<th>").append(esc(v)).append("</th>");
        b.append("</tr>\n");
        for (Map.Entry<String, Map<String, List<Double>>> e : unavailable.entrySet()) {
            b.append("<tr><td>").append(esc(e.getKey())).append("</td>");
            for (String v : byVariant.keySet()) {
                List<Double> xs = e.getValue().getOrDefault(v, List.of());
                int n = never.getOrDefault(e.getKey(), Map.of()).getOrDefault(v, 0);
                b.append("<td class=\"num\">").append(xs.isEmpty() ? "–" : String.format("%.2f s", median(xs))).append(" (")
                        .append(xs.size() + n).append(n > 0 ? "; " + n + " no write" : "").append(")</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
        return Html.page("Variants compared", b.toString());
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}

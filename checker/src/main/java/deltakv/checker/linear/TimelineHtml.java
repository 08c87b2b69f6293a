package deltakv.checker.linear;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A self-contained HTML page (inline CSS and SVG) drawing one lane per process and each op as a bar from its
 * invocation to its completion, in history order; ops in the longest linearizable prefix are green, the op that
 * could not be linearized red, crashed ops open-ended. Porcupine's visualisation is the model.
 */
final class TimelineHtml {
    private static final int LANE = 28;
    private static final int LEFT = 70;
    private static final double UNIT = 14;

    private TimelineHtml() {}

    static String render(String model, SearchOutcome.Violation v, String explanation) {
        Map<Object, Integer> lanes = new LinkedHashMap<>();
        long maxPos = 0;
        List<LinOp> ops = new ArrayList<>(v.ops());
        ops.sort((a, b) -> Long.compare(a.invokeIndex(), b.invokeIndex()));
        for (LinOp op : ops) {
            lanes.putIfAbsent(op.process(), lanes.size());
            maxPos = Math.max(maxPos, op.crashed() ? op.invokeIndex() : op.completeIndex());
        }
        // Matched by invocation position: the prefix may come from a re-numbered sub-history.
        Set<Long> inPrefix = new HashSet<>();
        for (LinOp op : v.prefix()) inPrefix.add(op.invokeIndex());
        int width = (int) (LEFT + (maxPos + 3) * UNIT);
        int height = lanes.size() * LANE + 20;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='")
                .append(height).append("'>");
        lanes.forEach((p, lane) -> svg.append("<text x='4' y='").append(lane * LANE + 19).append("'>p")
                .append(esc(String.valueOf(p))).append("</text>"));
        for (LinOp op : ops) {
            int lane = lanes.get(op.process());
            double x = LEFT + op.invokeIndex() * UNIT;
            long end = op.crashed() ? maxPos + 2 : op.completeIndex();
            double w = Math.max(UNIT * 0.6, (end - op.invokeIndex()) * UNIT);
            boolean failing = v.failing() != null && op.invokeIndex() == v.failing().invokeIndex();
            String cls = failing ? "fail" : inPrefix.contains(op.invokeIndex()) ? "lin" : "rest";
            if (op.crashed()) cls += " crashed";
            svg.append("<g class='").append(cls).append("'><title>").append(esc(op.describe()))
                    .append("</title><rect x='").append(x).append("' y='").append(lane * LANE + 4)
                    .append("' width='").append(w).append("' height='").append(LANE - 8).append("' rx='3'/>")
                    .append("<text x='").append(x + 3).append("' y='").append(lane * LANE + 19).append("'>")
                    .append(esc(op.describe().replaceFirst("^p\\S+ ", "").replaceFirst(" \\[index \\d+\\]$", ""))).append("</text></g>");
        }
        svg.append("</svg>");
        return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>linearizability: " + esc(model)
                + "</title><style>body{font-family:sans-serif;margin:16px}"
                + "svg text{font-size:11px;font-family:monospace}"
                + ".lin rect{fill:#bfe6bf;stroke:#2e7d32}.rest rect{fill:#e0e0e0;stroke:#777}"
                + ".fail rect{fill:#f8b4b4;stroke:#c62828;stroke-width:3}.crashed rect{stroke-dasharray:4 3}"
                + "pre{background:#f6f6f6;padding:8px}</style></head><body>"
                + "<h1>Not linearizable (" + esc(model) + ")</h1>"
                + "<p>One lane per process; bars run from invocation to completion in history order. "
                + "Green: longest linearizable prefix. Red: the operation that cannot be linearized after it. "
                + "Dashed: crashed (may take effect any time after invocation, or never). Hover for details.</p>"
                + "<div style='overflow-x:auto'>" + svg + "</div><pre>" + esc(explanation) + "</pre></body></html>\n";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}

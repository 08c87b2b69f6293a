package deltakv.runner.report;

import deltakv.checker.history.EdnPrinter;
import deltakv.checker.history.History;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code timeline.html}: one column per process, one bar per op from its invoke to its completion, coloured
 * by outcome (ok blue, fail red, info orange, nemesis grey), the op's full text on hover. Capped as Jepsen
 * caps it so the page stays usable: the first and last {@value #EDGE} ops and every op within
 * {@value #NEAR} positions of an op a checker named; omitted stretches are marked. Self-contained: no
 * scripts or files from elsewhere.
 */
public final class Timeline {
    static final int EDGE = 2000;
    static final int NEAR = 40;
    private static final int ROW = 14;
    private static final int COL = 120;

    private Timeline() {}

    public static void write(Path file, History h, Set<Long> blamed, String title) throws IOException {
        int n = h.size();
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) keep[i] = i < EDGE || i >= n - EDGE;
        Map<Long, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) position.put(h.get(i).index(), i);
        for (long idx : blamed) {
            Integer p = position.get(idx);
            if (p == null) continue;
            for (int i = Math.max(0, p - NEAR); i < Math.min(n, p + NEAR + 1); i++) keep[i] = true;
        }
        // rows: every kept position gets a row; a run of omitted positions gets one marker row
        int[] row = new int[n];
        List<int[]> gaps = new ArrayList<>(); // {row, omitted count}
        int r = 0;
        for (int i = 0; i < n; ) {
            if (keep[i]) {
                row[i++] = r++;
                continue;
            }
            int j = i;
            while (j < n && !keep[j]) row[j++] = r;
            gaps.add(new int[] {r++, j - i});
            i = j;
        }
        Map<String, Integer> columns = new TreeMap<>((a, b) -> {
            boolean na = a.matches("\\d+"), nb = b.matches("\\d+");
            if (na && nb) return Long.compare(Long.parseLong(a), Long.parseLong(b));
            return na ? 1 : nb ? -1 : a.compareTo(b);
        });
        for (Op op : h.ops()) columns.putIfAbsent(String.valueOf(op.process()), 0);
        int c = 0;
        for (Map.Entry<String, Integer> e : columns.entrySet()) e.setValue(c++);

        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(title) + " timeline</title>\n<style>\n"
                    + "body{font-family:sans-serif;font-size:12px;margin:8px}"
                    + ".ops{position:relative}.op{position:absolute;width:" + (COL - 6) + "px;overflow:hidden;"
                    + "white-space:nowrap;font-size:10px;border-radius:2px;padding:0 2px;box-sizing:border-box}"
                    + ".ok{background:#9ecae1}.fail{background:#fcae91}.info{background:#fdd49e}.nemesis{background:#d9d9d9}"
                    + ".blamed{outline:2px solid #c00}.gap{position:absolute;left:0;color:#666;font-style:italic}"
                    + ".head{position:sticky;top:0;background:#fff;z-index:2;height:18px}"
                    + ".col{position:absolute;font-weight:bold}\n</style></head><body>\n");
            w.write("<h3>" + esc(title) + "</h3><p>" + n + " history ops" + (gaps.isEmpty() ? "" : "; shown: the first and last "
                    + EDGE + " and those within " + NEAR + " of an op a checker named") + ". Hover a bar for the op; "
                    + "<span class=ok>&nbsp;ok&nbsp;</span> <span class=fail>&nbsp;fail&nbsp;</span> "
                    + "<span class=info>&nbsp;info / unfinished&nbsp;</span> <span class=nemesis>&nbsp;nemesis&nbsp;</span></p>\n");
            w.write("<div class=head style=\"width:" + columns.size() * COL + "px\">");
            for (Map.Entry<String, Integer> e : columns.entrySet()) {
                w.write("<div class=col style=\"left:" + e.getValue() * COL + "px\">process " + esc(e.getKey()) + "</div>");
            }
            w.write("</div>\n<div class=ops style=\"height:" + (r + 1) * ROW + "px;width:" + columns.size() * COL + "px\">\n");
            for (int[] g : gaps) {
                w.write("<div class=gap style=\"top:" + g[0] * ROW + "px\">… " + g[1] + " ops omitted …</div>\n");
            }
            for (int i = 0; i < n; i++) {
                Op op = h.get(i);
                boolean client = History.isClient(op);
                if (client && op.type() != OpType.INVOKE) continue; // drawn with its invoke
                int done = client ? h.completion(i) : i;
                if (!keep[i] && (done < 0 || !keep[done])) continue;
                int top = row[i] * ROW;
                int bottom = (done < 0 ? r : row[done]) * ROW + ROW - 2;
                String cls = !client ? "nemesis" : done < 0 ? "info" : h.get(done).type().name().toLowerCase();
                Op end = done < 0 ? null : h.get(done);
                boolean isBlamed = blamed.contains(op.index()) || end != null && blamed.contains(end.index());
                String text = EdnPrinter.printOp(op) + (end != null && end != op ? "\n" + EdnPrinter.printOp(end) : "");
                w.write("<div class=\"op " + cls + (isBlamed ? " blamed" : "") + "\" style=\"left:"
                        + columns.get(String.valueOf(op.process())) * COL + "px;top:" + top + "px;height:"
                        + Math.max(ROW - 2, bottom - top) + "px\" title=\"" + esc(text) + "\">"
                        + esc(label(op, end != null && client ? end.value() : op.value())) + "</div>\n");
            }
            w.write("</div></body></html>\n");
        }
    }

    /** What a bar shows: {@code :f}, the key when the op has one, and the completed value. */
    private static String label(Op op, Object value) {
        Object key = op.extra().get(deltakv.checker.history.Keyword.of("key"));
        return op.f() + (key == null ? "" : " k" + EdnPrinter.print(key)) + " " + EdnPrinter.print(value);
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}

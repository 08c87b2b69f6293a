package deltakv.runner.bench;

import deltakv.workloads.bench.BenchOp;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code bench.png}: throughput against clients, one line per variant and key count (the median over the
 * repeats): a colour per variant, a marker per key count (circle: the fewest keys), the redis-server
 * reference grey and dashed; a logarithmic axis, since one hot key spans two orders of magnitude between
 * variants. One chart per op: {@code NAME.png} for the first, {@code NAME-OP.png} after.
 */
final class BenchChart {
    private static final Color[] PALETTE = {new Color(0xd6, 0x27, 0x28), new Color(0xff, 0x7f, 0x0e),
            new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0x17, 0xbe, 0xcf)};
    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE,
            SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP};

    private BenchChart() {}

    static List<Path> write(Path json, List<Map<String, Object>> rows, List<BenchOp> ops) throws IOException {
        System.setProperty("java.awt.headless", "true");
        javax.imageio.ImageIO.setUseCache(false);
        String base = json.getFileName().toString().replaceFirst("\\.json$", "");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            String op = ops.get(i).cliName();
            Path png = json.resolveSibling(base + (i == 0 ? "" : "-" + op) + ".png");
            if (chart(op, rows, png)) files.add(png);
        }
        return files;
    }

    private static boolean chart(String op, List<Map<String, Object>> rows, Path png) throws IOException {
        // series (variant, keys) -> clients -> samples
        TreeMap<String, TreeMap<Integer, TreeMap<Integer, List<Double>>>> series = new TreeMap<>();
        for (Map<String, Object> r : rows) {
            if (!op.equals(r.get("op")) || !(r.get("ops_per_s") instanceof Double v)) continue;
            series.computeIfAbsent((String) r.get("variant"), n -> new TreeMap<>()).computeIfAbsent((Integer) r.get("keys"),
                    k -> new TreeMap<>()).computeIfAbsent((Integer) r.get("clients"), c -> new ArrayList<>()).add(v);
        }
        List<Integer> keyCounts = series.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        if (series.isEmpty()) return false;
        XYChart c = new XYChartBuilder().width(900).height(520).title(op + ": throughput against clients (median of repeats)")
                .xAxisTitle("clients").yAxisTitle("ops/s").build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setYAxisLogarithmic(true);
        int i = 0;
        for (Map.Entry<String, TreeMap<Integer, TreeMap<Integer, List<Double>>>> variant : series.entrySet()) {
            boolean reference = variant.getKey().equals("redis-server");
            Color color = reference ? Color.GRAY : PALETTE[i++ % PALETTE.length];
            for (Map.Entry<Integer, TreeMap<Integer, List<Double>>> e : variant.getValue().entrySet()) {
                double[] xs = e.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
                double[] ys = e.getValue().values().stream().mapToDouble(BenchChart::median).map(y -> Math.max(y, 1)).toArray();
                XYSeries s = c.addSeries(variant.getKey() + " keys=" + e.getKey(), xs, ys);
                s.setLineStyle(reference ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f)
                        : new BasicStroke(2f));
                s.setLineColor(color);
                s.setMarkerColor(color);
                s.setMarker(MARKERS[keyCounts.indexOf(e.getKey()) % MARKERS.length]);
            }
        }
        BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}

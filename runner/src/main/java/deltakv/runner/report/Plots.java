package deltakv.runner.report;

import deltakv.checker.history.OpType;
import deltakv.runner.analysis.Completed;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The run's plots, as Jepsen draws them (HARNESS.md §5), rendered in the JVM with XChart:
 * {@code latency-raw.png} (every op's latency against time; ok blue, fail red, info orange; one marker
 * shape per {@code :f}), {@code latency-quantiles.png} (p50/p95/p99/max of ok ops per {@code :f} and
 * time window) and {@code rate.png} (ops/s per {@code :f} and type). Fault periods are shaded in each.
 */
public final class Plots {
    static final Color OK = new Color(0x1f, 0x77, 0xb4);
    static final Color FAIL = new Color(0xd6, 0x27, 0x28);
    static final Color INFO = new Color(0xff, 0x8c, 0x00);
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
            SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
    /** Points per raw-latency series at most; ok ops beyond that are sampled evenly (fail/info: all kept up to it). */
    private static final int MAX_POINTS = 20_000;

    private Plots() {}

    public static void write(Path dir, List<Completed> ops, List<FaultPeriod> faults) throws IOException {
        prepare();
        double end = end(ops);
        latencyRaw(dir.resolve("latency-raw.png"), ops, faults, end);
        latencyQuantiles(dir.resolve("latency-quantiles.png"), ops, faults, end);
        rate(dir.resolve("rate.png"), ops, faults, end);
    }

    /**
     * Headless, and PNGs encoded in memory: ImageIO's default file cache registers a shutdown hook, which
     * fails while a Ctrl-C'd run is still checking what it recorded.
     */
    static void prepare() {
        System.setProperty("java.awt.headless", "true");
        javax.imageio.ImageIO.setUseCache(false);
    }

    /** The plots' time axis end: the last completion (at least 1 s). */
    public static double end(List<Completed> ops) {
        double end = 1;
        for (Completed c : ops) end = Math.max(end, (c.invokeNanos() + c.latencyNanos()) / 1e9);
        return end;
    }

    private static XYChart chart(String title, String yTitle, boolean logY) {
        XYChart c = new XYChartBuilder().width(1100).height(520).title(title).xAxisTitle("time (s)").yAxisTitle(yTitle).build();
        XYStyler s = c.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xe0e0e0));
        c.getStyler().setYAxisLogarithmic(logY);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setMarkerSize(4);
        return c;
    }

    private static void latencyRaw(Path file, List<Completed> ops, List<FaultPeriod> faults, double end) throws IOException {
        XYChart c = chart("latency of every op", "latency (ms)", true);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        Map<String, Integer> fIndex = fIndex(ops);
        double maxY = 1;
        for (String f : fIndex.keySet()) {
            for (OpType t : List.of(OpType.OK, OpType.FAIL, OpType.INFO)) {
                List<Completed> sel = ops.stream().filter(o -> o.f().equals(f) && o.type() == t).toList();
                if (sel.isEmpty()) continue;
                int stride = Math.max(1, (sel.size() + MAX_POINTS - 1) / MAX_POINTS);
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int i = 0; i < sel.size(); i += stride) {
                    xs.add(sel.get(i).invokeNanos() / 1e9);
                    double ms = Math.max(0.01, sel.get(i).latencyNanos() / 1e6);
                    ys.add(ms);
                    maxY = Math.max(maxY, ms);
                }
                XYSeries s = c.addSeries(f + " " + t.name().toLowerCase() + (stride > 1 ? " (1/" + stride + ")" : ""), xs, ys);
                s.setMarker(MARKERS[fIndex.get(f) % MARKERS.length]);
                s.setMarkerColor(color(t));
            }
        }
        if (ops.isEmpty()) empty(c);
        shade(c, faults, 0.01, maxY * 2);
        c.getStyler().setXAxisMax(end);
        save(c, file);
    }

    private static void latencyQuantiles(Path file, List<Completed> ops, List<FaultPeriod> faults, double end) throws IOException {
        XYChart c = chart("latency quantiles of ok ops", "latency (ms)", true);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        double window = window(end);
        Map<String, Integer> fIndex = fIndex(ops);
        double maxY = 1;
        String[] names = {"p50", "p95", "p99", "max"};
        double[] qs = {50, 95, 99, 100};
        float[] widths = {2.5f, 1.8f, 1.2f, 0.8f};
        for (String f : fIndex.keySet()) {
            TreeMap<Integer, Histogram> buckets = new TreeMap<>();
            for (Completed o : ops) {
                if (!o.f().equals(f) || o.type() != OpType.OK) continue;
                int b = (int) ((o.invokeNanos() / 1e9) / window);
                buckets.computeIfAbsent(b, x -> new Histogram(3_600_000_000L, 2))
                        .recordValue(Math.min(3_600_000_000L, Math.max(1, o.latencyNanos() / 1000)));
            }
            if (buckets.isEmpty()) continue;
            Color base = palette(fIndex.get(f));
            for (int q = 0; q < qs.length; q++) {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (Map.Entry<Integer, Histogram> e : buckets.entrySet()) {
                    xs.add((e.getKey() + 0.5) * window);
                    double ms = Math.max(0.01, e.getValue().getValueAtPercentile(qs[q]) / 1000.0);
                    ys.add(ms);
                    maxY = Math.max(maxY, ms);
                }
                XYSeries s = c.addSeries(f + " " + names[q], xs, ys);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(base);
                s.setLineStyle(new BasicStroke(widths[q]));
            }
        }
        if (c.getSeriesMap().isEmpty()) empty(c);
        shade(c, faults, 0.01, maxY * 2);
        c.getStyler().setXAxisMax(end);
        save(c, file);
    }

    private static void rate(Path file, List<Completed> ops, List<FaultPeriod> faults, double end) throws IOException {
        XYChart c = chart("throughput (ops/s, by completion type)", "ops/s", false);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        double window = window(end);
        int n = (int) Math.ceil(end / window) + 1;
        Map<String, Integer> fIndex = fIndex(ops);
        double maxY = 1;
        for (String f : fIndex.keySet()) {
            for (OpType t : List.of(OpType.OK, OpType.FAIL, OpType.INFO)) {
                double[] count = new double[n];
                boolean any = false;
                for (Completed o : ops) {
                    if (!o.f().equals(f) || o.type() != t) continue;
                    int b = (int) (((o.invokeNanos() + o.latencyNanos()) / 1e9) / window);
                    count[Math.min(b, n - 1)]++;
                    any = true;
                }
                if (!any) continue;
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int b = 0; b < n; b++) {
                    xs.add((b + 0.5) * window);
                    ys.add(count[b] / window);
                    maxY = Math.max(maxY, count[b] / window);
                }
                XYSeries s = c.addSeries(f + " " + t.name().toLowerCase(), xs, ys);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(t == OpType.OK ? palette(fIndex.get(f)) : color(t));
                s.setLineStyle(new BasicStroke(t == OpType.OK ? 2f : 1.2f));
            }
        }
        if (c.getSeriesMap().isEmpty()) empty(c);
        shade(c, faults, 0, maxY * 1.1);
        c.getStyler().setXAxisMax(end);
        c.getStyler().setYAxisMin(0.0);
        save(c, file);
    }

    /**
     * Fault periods as translucent bands over the plot's full height; each kind's first period also gets a
     * square marker at its top-left corner, which gives the kind a legend entry in its colour.
     */
    private static void shade(XYChart c, List<FaultPeriod> faults, double low, double high) {
        TreeSet<String> named = new TreeSet<>();
        for (FaultPeriod p : faults) {
            c.addAnnotation(new FaultBand(p));
            if (!named.add(p.kind())) continue;
            XYSeries s = c.addSeries(p.kind() + " (shaded)", new double[] {p.startSeconds()}, new double[] {high});
            Color col = new Color(p.rgb());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.SQUARE);
            s.setMarkerColor(col);
        }
    }

    private static void empty(XYChart c) {
        XYSeries s = c.addSeries("no ops", new double[] {0}, new double[] {1});
        s.setMarker(SeriesMarkers.NONE);
    }

    /** Time window for quantiles and rates: 1 s for short runs, about 200 windows for long ones. */
    private static double window(double end) {
        return Math.max(1.0, Math.ceil(end / 200));
    }

    private static Map<String, Integer> fIndex(List<Completed> ops) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String f : new TreeSet<>(ops.stream().map(Completed::f).toList())) m.put(f, m.size());
        return m;
    }

    static Color color(OpType t) {
        return switch (t) {
            case OK -> OK;
            case FAIL -> FAIL;
            default -> INFO;
        };
    }

    private static Color palette(int i) {
        Color[] p = {OK, new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
                new Color(0x17, 0xbe, 0xcf), new Color(0x7f, 0x7f, 0x7f), new Color(0xbc, 0xbd, 0x22)};
        return p[i % p.length];
    }

    private static void save(XYChart c, Path file) throws IOException {
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}

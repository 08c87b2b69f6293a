package deltakv.runner.report;

import deltakv.checker.history.History;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
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
 * {@code clock.png}: each node's wall-clock offset against time, as Jepsen's clock plot. The points are the
 * offsets every clock op read back from the nodes ({@code :offsets} in its done value), held until the
 * next reading; a strobe is drawn as the flips it made (between its shift and 0 every period), at most
 * {@value #MAX_FLIPS} per strobe; clock fault periods shaded. Written only when the clock fault ran.
 */
public final class ClockPlot {
    private static final int MAX_FLIPS = 2000;
    private static final Keyword OFFSETS = Keyword.of("offsets");

    private ClockPlot() {}

    /** Writes {@code file} when the history has clock ops; returns whether it did. */
    public static boolean write(Path file, History h, List<FaultPeriod> faults, double end) throws IOException {
        List<Op> readings = new ArrayList<>();
        for (Op op : h.ops()) {
            if (!History.isClient(op) && op.f() != null && op.f().endsWith("-clock") && op.value() instanceof Map<?, ?> m
                    && m.get(OFFSETS) instanceof Map<?, ?>) {
                readings.add(op);
            }
        }
        if (readings.isEmpty()) return false;
        Plots.prepare();
        end = Math.max(end, readings.get(readings.size() - 1).time() / 1e9); // the time limit's reset may come last
        TreeMap<String, List<double[]>> points = new TreeMap<>();
        for (int i = 0; i < readings.size(); i++) {
            Op op = readings.get(i);
            Map<?, ?> done = (Map<?, ?>) op.value();
            double t = op.time() / 1e9;
            double next = i + 1 < readings.size() ? readings.get(i + 1).time() / 1e9 : end;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) done.get(OFFSETS)).entrySet()) {
                if (!(e.getValue() instanceof Number offset)) continue;
                step(points.computeIfAbsent(String.valueOf(e.getKey()), k -> new ArrayList<>()), t, offset.doubleValue());
            }
            if (Keyword.of("strobe").equals(done.get(Keyword.of("action")))) strobe(points, done, t, next);
        }
        XYChart c = new XYChartBuilder().width(1100).height(420).title("clock offset per node (DKV.CLOCK)")
                .xAxisTitle("time (s)").yAxisTitle("offset (ms)").build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(end);
        double lo = 0;
        double hi = 1;
        for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
            List<double[]> ps = e.getValue();
            step(ps, end, ps.get(ps.size() - 1)[1]);
            double[] xs = ps.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = ps.stream().mapToDouble(p -> p[1]).toArray();
            for (double y : ys) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
            XYSeries s = c.addSeries(e.getKey(), xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(1.5f));
        }
        double pad = Math.max(1, (hi - lo) * 0.05);
        for (FaultPeriod p : faults) if (p.kind().equals("clock")) c.addAnnotation(new FaultBand(p));
        c.getStyler().setYAxisMin(lo - pad);
        c.getStyler().setYAxisMax(hi + pad);
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }

    /** A step: hold the previous value until {@code t}, then jump. */
    private static void step(List<double[]> ps, double t, double y) {
        if (!ps.isEmpty()) ps.add(new double[] {t, ps.get(ps.size() - 1)[1]});
        else ps.add(new double[] {0, 0});
        ps.add(new double[] {t, y});
    }

    private static void strobe(TreeMap<String, List<double[]>> points, Map<?, ?> done, double from, double to) {
        if (!(done.get(Keyword.of("delta-ms")) instanceof Number delta) || !(done.get(Keyword.of("period-ms")) instanceof Number ms)
                || !(done.get(Keyword.of("nodes")) instanceof List<?> nodes)) {
            return; // not a strobe this version recorded: its readings alone are drawn
        }
        double shift = delta.doubleValue();
        double period = Math.max(ms.doubleValue() / 1000, Math.max(1e-3, (to - from) / MAX_FLIPS));
        for (Object node : nodes) {
            List<double[]> ps = points.computeIfAbsent(String.valueOf(node), k -> new ArrayList<>());
            boolean shifted = true;
            for (double t = from + period; t < to; t += period) {
                shifted = !shifted;
                step(ps, t, shifted ? shift : 0);
            }
        }
    }
}

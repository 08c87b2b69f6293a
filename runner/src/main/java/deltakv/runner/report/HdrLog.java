package deltakv.runner.report;

import deltakv.checker.history.OpType;
import deltakv.runner.analysis.Completed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code latency.hlog}: ok-op latencies (µs) as an HdrHistogram interval log, one histogram per second of
 * the run, for HdrHistogram's own tools (HistogramLogProcessor, HdrHistogramVisualizer).
 */
public final class HdrLog {
    private HdrLog() {}

    public static void write(Path file, List<Completed> ops) throws IOException {
        TreeMap<Long, Histogram> perSecond = new TreeMap<>();
        for (Completed c : ops) {
            if (c.type() != OpType.OK) continue;
            long s = c.invokeNanos() / 1_000_000_000L;
            perSecond.computeIfAbsent(s, x -> new Histogram(3_600_000_000L, 3))
                    .recordValue(Math.min(3_600_000_000L, Math.max(1, c.latencyNanos() / 1000)));
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, java.nio.charset.StandardCharsets.UTF_8)) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputComment("dkv ok-op latency, microseconds, one interval per second of the run");
            w.outputLogFormatVersion();
            w.outputStartTime(0);
            w.setBaseTime(0);
            w.outputLegend();
            for (var e : perSecond.entrySet()) {
                Histogram h = e.getValue();
                h.setStartTimeStamp(e.getKey() * 1000);
                h.setEndTimeStamp((e.getKey() + 1) * 1000);
                w.outputIntervalHistogram(h);
            }
        }
    }
}

package deltakv.runner.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * A fault period shaded over the whole height of the plot. An area series would fill only down to the
 * axis' zero, which on a logarithmic latency axis is 1 ms, leaving the fast ops below it unshaded.
 */
final class FaultBand extends Annotation {
    private final double start;
    private final double end;
    private final Color fill;

    FaultBand(FaultPeriod p) {
        super(false);
        this.start = p.startSeconds();
        this.end = p.endSeconds();
        Color c = new Color(p.rgb());
        this.fill = new Color(c.getRed(), c.getGreen(), c.getBlue(), 70);
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) return;
        int x1 = getXAxisScreenValue(start);
        int x2 = Math.max(x1 + 1, getXAxisScreenValue(end));
        int top = getYAxisScreenValueForMax();
        int bottom = getYAxisScreenValueForMin();
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(x1, Math.min(top, bottom), x2 - x1, Math.abs(bottom - top)));
        bounds = new Rectangle2D.Double(x1, Math.min(top, bottom), x2 - x1, Math.abs(bottom - top));
    }
}

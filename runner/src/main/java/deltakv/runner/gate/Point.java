package deltakv.runner.gate;

/** One bench point: what the gate matches between two files. */
public record Point(String variant, String op, int keys, int clients) implements Comparable<Point> {
    @Override
    public int compareTo(Point o) {
        int c = variant.compareTo(o.variant);
        if (c == 0) c = op.compareTo(o.op);
        if (c == 0) c = Integer.compare(keys, o.keys);
        return c != 0 ? c : Integer.compare(clients, o.clients);
    }

    @Override
    public String toString() {
        return variant + " " + op + " keys=" + keys + " clients=" + clients;
    }
}

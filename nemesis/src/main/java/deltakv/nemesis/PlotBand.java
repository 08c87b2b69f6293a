package deltakv.nemesis;

/**
 * How a fault kind shows in the plots: the period from a {@code start} op to the next {@code stop} op
 * is shaded in {@code rgb} (one colour per fault kind), as Jepsen's plots shade nemesis activity.
 */
public record PlotBand(String kind, String startF, String stopF, int rgb) {}

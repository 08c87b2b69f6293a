package deltakv.engine.collections.maps;

/** One end of a score interval: {@code 1.5} or, exclusive, {@code (1.5}. */
public record ScoreBound(double value, boolean exclusive) {}

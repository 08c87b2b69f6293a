package deltakv.engine.collections.maps;

/** A sorted-set member with its score. */
public record Scored(byte[] member, double score) {}

package deltakv.engine.storage;

/** An internal key and its visible value at some snapshot. */
public record KV(byte[] key, byte[] value) {}

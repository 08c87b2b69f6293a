package deltakv.engine.storage;

/** Result of one bounded GC step: versions deleted and where to resume (null when the keyspace is done). */
public record GcStep(long deleted, byte[] resumeAt) {}

package deltakv.engine.storage;

/** A resolved write of one commit: the key is final (no placeholders left). */
public sealed interface VersionedWrite {
    byte[] key();

    record Put(byte[] key, byte[] value) implements VersionedWrite {}

    record Delete(byte[] key) implements VersionedWrite {}
}

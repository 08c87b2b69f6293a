package deltakv.engine.node;

import deltakv.engine.PopBounds;
import deltakv.engine.Variant;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The start-up options a store's layout depends on (variant, pop bounds), kept next to the RocksDB files.
 * A node restarted on the store with other ones would read it wrongly and then write it wrongly (a
 * claim-gc list read by a delta node counts its claimed elements in LLEN); it refuses instead. A store
 * from before the stamp is taken as written by the options it is opened with.
 */
final class StoreStamp {
    static final String FILE = "dkv-engine.properties";

    private StoreStamp() {}

    /** @throws WrongStoreException if the store was written under other options */
    static void check(Path store, Variant variant, PopBounds popBounds) {
        Path f = store.resolve(FILE);
        if (!Files.isRegularFile(f)) return;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        String v = p.getProperty("variant", variant.cliName());
        String b = p.getProperty("pop-bounds", PopBounds.DELTA.cliName());
        if (!v.equals(variant.cliName()) || !b.equals(popBounds.cliName())) {
            throw new WrongStoreException("data directory " + store + " was written with --variant " + v
                    + " --pop-bounds " + b + ", not --variant " + variant.cliName() + " --pop-bounds "
                    + popBounds.cliName() + "; start the node with those options, or use another --data");
        }
    }

    /** Records the options the store is being written with (once: a later start with others is refused). */
    static void write(Path store, Variant variant, PopBounds popBounds) {
        Path f = store.resolve(FILE);
        if (Files.isRegularFile(f)) return;
        Properties p = new Properties();
        p.setProperty("variant", variant.cliName());
        p.setProperty("pop-bounds", popBounds.cliName());
        try (Writer w = Files.newBufferedWriter(f)) {
            p.store(w, "DeltaKV: the options this store's layout depends on");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
        }
    }
}

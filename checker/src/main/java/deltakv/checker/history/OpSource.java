package deltakv.checker.history;

import java.io.Closeable;
import java.io.IOException;

/** A stream of ops read from a file, one at a time; {@link #next()} returns null at the end. */
public interface OpSource extends Closeable {
    Op next() throws IOException;
}

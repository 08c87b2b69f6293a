package deltakv.engine.collections;

/** Redis index normalisation for LRANGE/LINDEX: negative indexes count from the end. */
public record IndexWindow(long first, long last) {
    public static final IndexWindow NONE = new IndexWindow(0, -1);

    public boolean isEmpty() {
        return last < first;
    }

    public long size() {
        return isEmpty() ? 0 : last - first + 1;
    }

    /** The size as a scan limit (a range larger than any real list is capped). */
    public int limit() {
        return (int) Math.min(size(), Integer.MAX_VALUE);
    }

    /** LRANGE start stop over a list of {@code len} elements. */
    public static IndexWindow range(long start, long stop, long len) {
        if (start < 0) start = Math.max(0, len + start);
        if (stop < 0) stop = len + stop;
        if (stop >= len) stop = len - 1;
        if (start > stop || start >= len) return NONE;
        return new IndexWindow(start, stop);
    }

    /** LINDEX index, or NONE if out of range. */
    public static IndexWindow single(long index, long len) {
        long i = index < 0 ? len + index : index;
        return i < 0 || i >= len ? NONE : new IndexWindow(i, i);
    }
}

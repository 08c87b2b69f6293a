package deltakv.checker.linear;

/**
 * Ends a search whose states outgrow the heap as "unknown" instead of an OutOfMemoryError. Cheap check first;
 * only when the heap looks nearly full does it ask for a collection, to tell live states from garbage.
 */
final class HeapGuard {
    private static final double SUSPECT = 0.90;
    private static final double LIMIT = 0.80;

    private HeapGuard() {}

    static boolean nearlyFull() {
        if (used() < SUSPECT) return false;
        System.gc(); // rare: only near the limit
        return used() > LIMIT;
    }

    private static double used() {
        Runtime rt = Runtime.getRuntime();
        return (double) (rt.totalMemory() - rt.freeMemory()) / rt.maxMemory();
    }
}

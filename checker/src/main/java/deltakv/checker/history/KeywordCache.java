package deltakv.checker.history;

/** A small open-addressing table from keyword characters to keywords, so parsing them allocates nothing. */
final class KeywordCache {
    private Keyword[] table = new Keyword[256];
    private int[] hashes = new int[256];
    private int size;

    Keyword find(char[] buf, int start, int end, int h) {
        int mask = table.length - 1;
        for (int i = h & mask; table[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && matches(table[i].name(), buf, start, end)) {
                return table[i];
            }
        }
        return null;
    }

    void add(Keyword k, int h) {
        if (size * 2 >= table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = h & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = k;
        hashes[i] = h;
        size++;
    }

    private void grow() {
        Keyword[] oldT = table;
        int[] oldH = hashes;
        table = new Keyword[oldT.length * 2];
        hashes = new int[oldT.length * 2];
        size = 0;
        for (int i = 0; i < oldT.length; i++) {
            if (oldT[i] != null) {
                add(oldT[i], oldH[i]);
            }
        }
    }

    private static boolean matches(String name, char[] buf, int start, int end) {
        if (name.length() != end - start) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != buf[start + i]) {
                return false;
            }
        }
        return true;
    }
}

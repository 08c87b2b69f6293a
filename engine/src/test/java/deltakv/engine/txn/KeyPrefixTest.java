package deltakv.engine.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyPrefixTest {
    static byte[] k(String ascii, byte... tail) {
        return Bytes.concat(ascii.getBytes(StandardCharsets.US_ASCII), tail);
    }

    @Test
    void namespaceIsBangPlusUpToTwoLowercaseSegments() {
        assertEquals("!lst|meta|", KeyPrefix.of(k("!lst|meta|b|", (byte) 0, (byte) 0, (byte) 0, (byte) 1, (byte) 'q')));
        assertEquals("!lst|meta|", KeyPrefix.of(k("!lst|meta|d|", (byte) 0, (byte) 0, (byte) 0, (byte) 1)));
        assertEquals("!lst|itm|", KeyPrefix.of(k("!lst|itm|", (byte) 0, (byte) 0, (byte) 0, (byte) 3, (byte) 'a', (byte) '|')));
        assertEquals("!str|", KeyPrefix.of(k("!str|", (byte) 0, (byte) 0, (byte) 0, (byte) 3, (byte) 'a', (byte) '|', (byte) 'b')));
        assertEquals("!hs|fld|", KeyPrefix.of(k("!hs|fld|", (byte) 0, (byte) 0, (byte) 0, (byte) 1)));
    }

    @Test
    void anythingElseIsOther() {
        assertEquals(KeyPrefix.OTHER, KeyPrefix.of(k("plain")));
        assertEquals(KeyPrefix.OTHER, KeyPrefix.of(k("!")));
        assertEquals(KeyPrefix.OTHER, KeyPrefix.of(k("!LST|meta|")));
        assertEquals(KeyPrefix.OTHER, KeyPrefix.of(k("!lst")));
        assertEquals(KeyPrefix.OTHER, KeyPrefix.of(new byte[0]));
        assertEquals(KeyPrefix.OTHER, KeyPrefix.of(null));
        assertEquals(ConflictStats.STALE_TS, ConflictStats.label(null));
    }
}

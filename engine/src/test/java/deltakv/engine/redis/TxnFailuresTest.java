package deltakv.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.txn.OutcomeUnknownException;
import deltakv.engine.txn.TooManyConflictsException;
import org.junit.jupiter.api.Test;

/** Failure → error code: clients must tell "certainly not applied" from "maybe applied". */
class TxnFailuresTest {
    @Test
    void conflictsGiveTryAgainAndAmbiguityGivesUnknown() {
        Reply.Error tryAgain = (Reply.Error) TxnFailures.toReply(new TooManyConflictsException(8, 120, "!lst|itm|"));
        assertTrue(tryAgain.message().startsWith("TRYAGAIN too many conflicts"), tryAgain.message());
        Reply.Error unknown = (Reply.Error) TxnFailures.toReply(new OutcomeUnknownException("leader lost", null));
        assertEquals("UNKNOWN outcome unknown: leader lost", unknown.message());
        Reply.Error internal = (Reply.Error) TxnFailures.toReply(new IllegalStateException("bad"));
        assertEquals("ERR internal error: java.lang.IllegalStateException: bad", internal.message());
    }
}

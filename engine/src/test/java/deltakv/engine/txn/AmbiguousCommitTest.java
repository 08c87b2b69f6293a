package deltakv.engine.txn;

import static deltakv.engine.txn.CoreFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Ambiguous commits are resubmitted identically and de-duplicated, never re-run with a new body. */
class AmbiguousCommitTest extends CoreTest {

    /** Fault injection around the real committer: the first {@code lost} replies are lost after applying. */
    static Committer losingReplies(Committer real, int lost, boolean apply) {
        AtomicInteger left = new AtomicInteger(lost);
        return new Committer() {
            @Override
            public ApplyResult commit(OperationGroup g) throws AmbiguousCommitException {
                ApplyResult r = apply ? real.commit(g) : null;
                if (left.getAndDecrement() > 0) throw new AmbiguousCommitException("reply lost", null);
                return r != null ? r : real.commit(g);
            }

            @Override
            public long readTimestamp() {
                return real.readTimestamp();
            }
        };
    }

    int pushOneDelta(TxnExecutor ex, AtomicInteger bodyRuns) {
        ex.execute(t -> {
            bodyRuns.incrementAndGet();
            t.putAtCommitTs(b("!d|"), b(""), b("+1"));
            return null;
        });
        return core.executor.execute(t -> t.scan(KeyRange.prefix(b("!d|")), 100, false, false)).size();
    }

    @Test
    void appliedButReplyLostIsDeDuplicated() throws Exception {
        TxnExecutor ex = core.executor(losingReplies(core.committer, 2, true), RetryPolicy.defaults());
        AtomicInteger runs = new AtomicInteger();
        assertEquals(1, pushOneDelta(ex, runs), "exactly one delta despite three submissions");
        assertEquals(1, runs.get(), "the body never re-runs after an ambiguous commit");
        assertEquals(2, core.stats.snapshot().ambiguous());
    }

    @Test
    void unresolvedAmbiguityIsReportedAsUnknown() {
        TxnExecutor ex = core.executor(losingReplies(core.committer, 100, false), RetryPolicy.defaults());
        AtomicInteger runs = new AtomicInteger();
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> pushOneDelta(ex, runs));
        assertEquals(1, runs.get());
        assertEquals(1, core.stats.snapshot().outcomeUnknown());
        assertEquals("commit outcome unknown: reply lost", e.getMessage());
    }
}

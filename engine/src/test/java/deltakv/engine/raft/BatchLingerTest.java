package deltakv.engine.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.txn.ApplyResult;
import deltakv.engine.txn.OperationGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The batch linger: a batch waits (up to the linger) for as many commits as its predecessor carried,
 * so returning closed-loop clients share one entry; a lone client never waits. The "log" here is a
 * function the test answers by hand, to control when each batch completes.
 */
class BatchLingerTest {
    private final List<Integer> sizes = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<byte[]>> replies = new CopyOnWriteArrayList<>();

    private BatchSubmitter submitter(long lingerMillis) {
        return new BatchSubmitter(entry -> {
            int n = BatchCodec.decode(entry).size();
            sizes.add(n);
            CompletableFuture<byte[]> f = new CompletableFuture<>();
            replies.add(f);
            return f;
        }, 1, 512, TimeUnit.MILLISECONDS.toNanos(lingerMillis), new ReplicationStats(), "test");
    }

    private static OperationGroup group(long id) {
        return new OperationGroup(id, 1, 0, List.of(), List.of(), List.of());
    }

    private void answer(int batch) {
        int n = sizes.get(batch);
        List<ApplyResult> ok = new ArrayList<>();
        for (int i = 0; i < n; i++) ok.add(new ApplyResult.Committed(10 + i));
        replies.get(batch).complete(ResultCodec.encode(ok));
    }

    private void awaitBatches(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sizes.size() < n && System.nanoTime() < until) Thread.sleep(1);
        assertEquals(n, sizes.size(), "batches sent: " + sizes);
    }

    @Test
    void aLoneClientNeverWaits() throws Exception {
        try (BatchSubmitter s = submitter(10_000)) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                CompletableFuture<ApplyResult> f = s.submit(group(i + 1));
                awaitBatches(i + 1);
                answer(i);
                f.get(5, TimeUnit.SECONDS);
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "no linger for one client");
            }
        }
        assertEquals(List.of(1, 1, 1), sizes);
    }

    @Test
    void returningClientsShareOneEntryAndAQuietGapEndsTheLinger() throws Exception {
        try (BatchSubmitter s = submitter(1000)) { // linger 1 s, so a gap of 100 ms without arrivals ends it
            s.submit(group(1));
            awaitBatches(1);
            for (long id = 2; id <= 4; id++) s.submit(group(id)); // queued behind the batch in flight
            answer(0);
            awaitBatches(2); // [2,3,4] leave together, no wait (more than the 1 before)
            answer(1);
            s.submit(group(5)); // the predecessor carried 3: wait for two more
            Thread.sleep(20);
            assertEquals(2, sizes.size(), "held back while commits keep coming");
            s.submit(group(6));
            s.submit(group(7));
            awaitBatches(3);
            answer(2);
            long start = System.nanoTime();
            s.submit(group(8)); // nobody else comes: leaves after the quiet gap, long before the linger ends
            awaitBatches(4);
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMs >= 80 && waitedMs < 800, "waited " + waitedMs + " ms");
            answer(3);
        }
        assertEquals(List.of(1, 3, 3, 1), sizes);
    }

    @Test
    void theLingerIsBoundedEvenWhileCommitsTrickleIn() throws Exception {
        try (BatchSubmitter s = submitter(300)) { // gap 30 ms
            s.submit(group(1));
            awaitBatches(1);
            for (long id = 2; id <= 41; id++) s.submit(group(id));
            answer(0);
            awaitBatches(2); // 40 leave together
            answer(1);
            long start = System.nanoTime();
            for (long id = 42; sizes.size() < 3 && id < 200; id++) { // one every 10 ms: never a quiet gap
                s.submit(group(id));
                Thread.sleep(10);
            }
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            awaitBatches(3);
            assertTrue(waitedMs >= 250 && waitedMs < 1000, "waited " + waitedMs + " ms");
            assertTrue(sizes.get(2) < 40, "left before the 40 it waited for: " + sizes);
            answer(2);
        }
    }
}

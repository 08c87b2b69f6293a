package deltakv.runner.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.checker.history.History;
import deltakv.checker.history.HistoryReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fault start → first acknowledgement of a write invoked after it; reads and writes already in flight do not count. */
class UnavailabilityTest {
    @Test
    void measuresFromTheFaultToTheNextWriteInvokedAfterIt() throws Exception {
        History h = HistoryReader.readString(String.join("\n",
                "{:index 0 :time 1000000000 :type :invoke :process 0 :f :txn :value [[:append 1 1]]}",
                "{:index 1 :time 2000000000 :type :info :process :nemesis :f :start-kill :value :leader}",
                "{:index 2 :time 2100000000 :type :info :process :nemesis :f :start-kill :value [:killed [\"n1\"]]}",
                "{:index 3 :time 2500000000 :type :ok :process 0 :f :txn :value [[:append 1 1]]}", // in flight: not counted
                "{:index 4 :time 3000000000 :type :invoke :process 1 :f :txn :value [[:r 1 nil]]}",
                "{:index 5 :time 3100000000 :type :ok :process 1 :f :txn :value [[:r 1 [1]]]}", // a read: not counted
                "{:index 6 :time 4000000000 :type :invoke :process 2 :f :txn :value [[:append 1 2]]}",
                "{:index 7 :time 4500000000 :type :fail :process 2 :f :txn :value [[:append 1 2]]}", // failed: not counted
                "{:index 8 :time 5000000000 :type :invoke :process 2 :f :enqueue :value 3}",
                "{:index 9 :time 5250000000 :type :ok :process 2 :f :enqueue :value 3}",
                "{:index 10 :time 6000000000 :type :info :process :nemesis :f :start-partition :value :one}",
                "{:index 11 :time 6000000000 :type :info :process :nemesis :f :start-partition :value :isolated}",
                "{:index 12 :time 6100000000 :type :info :process :nemesis :f :stop-partition :value nil}",
                "{:index 13 :time 6100000000 :type :info :process :nemesis :f :stop-partition :value :network-healed}"));
        List<Map<String, Object>> faults = Unavailability.of(h);
        assertEquals(2, faults.size());
        assertEquals("kill", faults.get(0).get("fault"));
        assertEquals(":leader", faults.get(0).get("asked"));
        assertEquals(3.25, faults.get(0).get("unavailable-s"));
        assertEquals("no write acknowledged after it", faults.get(1).get("unavailable-s"));
    }
}

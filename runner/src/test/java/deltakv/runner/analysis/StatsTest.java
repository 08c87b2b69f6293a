package deltakv.runner.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.checker.history.History;
import deltakv.checker.history.HistoryReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jepsen's stats, plus: a server that answers ERR internal error (its own invariant broken) fails the run. */
class StatsTest {
    private static History history(String dequeueError) throws Exception {
        return HistoryReader.readString(String.join("\n",
                "{:index 0 :time 1 :type :invoke :process 0 :f :enqueue :value 1}",
                "{:index 1 :time 2 :type :ok :process 0 :f :enqueue :value 1}",
                "{:index 2 :time 3 :type :invoke :process 1 :f :dequeue :value nil}",
                "{:index 3 :time 4 :type :info :process 1 :f :dequeue :value nil :error \"" + dequeueError + "\"}",
                "{:index 4 :time 5 :type :invoke :process 1 :f :dequeue :value nil}",
                "{:index 5 :time 6 :type :ok :process 1 :f :dequeue :value 1}"));
    }

    @Test
    void anInternalErrorReplyMakesTheRunInvalid() throws Exception {
        History h = history("ERR internal error: java.lang.IllegalStateException: list item missing at sequence 7");
        Map<String, Object> r = Stats.check(Completed.of(h), Stats.internalErrors(h));
        assertEquals(false, r.get("valid?"));
        assertEquals(List.of("internal-error"), r.get("anomaly-types"));
        assertEquals(1, r.get("internal-error-count"));
    }

    @Test
    void otherIndeterminateErrorsDoNot() throws Exception {
        History h = history("UNKNOWN outcome unknown: connection to the leader closed");
        Map<String, Object> r = Stats.check(Completed.of(h), Stats.internalErrors(h));
        assertEquals(true, r.get("valid?"));
        assertEquals(3L, r.get("count"));
    }
}

package deltakv.checker.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsOneOpPerLineWithComments() throws Exception {
        History h = HistoryReader.readString("""
                ; a comment
                {:index 0 :time 5 :type :invoke, :process 1 :f :txn :value [[:append 1 2] [:r 1 nil]]}
                {:index 1 :time 9 :type :ok, :process 1 :f :txn :value [[:append 1 2] [:r 1 [2]]] :node "n1"}
                """);
        assertEquals(2, h.size());
        Op ok = h.get(1);
        assertEquals(OpType.OK, ok.type());
        assertEquals(1L, ok.process());
        assertEquals("txn", ok.f());
        assertEquals(9L, ok.time());
        assertEquals(List.of(List.of(Keyword.of("append"), 1L, 2L), List.of(Keyword.of("r"), 1L, List.of(2L))), ok.value());
        assertEquals(Map.of(Keyword.of("node"), "n1"), ok.extra());
        assertEquals(1, h.completion(0));
        assertEquals(0, h.invocation(1));
    }

    @Test
    void readsOneVectorAndTaggedOps() throws Exception {
        History h = HistoryReader.readString("""
                [#jepsen.history.Op{:type :invoke :process 0 :f :read :value nil}
                 {:type :ok :process 0 :f :read :value 3}
                 {:type :info :process :nemesis :f :start :value nil}]
                """);
        assertEquals(3, h.size());
        assertEquals(0, h.get(0).index()); // default index = position
        assertEquals(-1, h.get(0).time());
        assertEquals(Keyword.of("nemesis"), h.get(2).process());
        assertNull(h.get(0).value());
    }

    @Test
    void readsOneTopLevelList() throws Exception {
        // Some Knossos histories are one EDN list rather than a vector.
        History h = HistoryReader.readString("""
                ({:type :invoke, :f :write, :value 1, :process 0}
                 ; a comment inside
                 {:type :ok, :f :write, :value 1, :process 0})
                """);
        assertEquals(2, h.size());
        assertEquals(OpType.OK, h.get(1).type());
    }

    @Test
    void longBadFormsAreAbbreviatedInErrors() {
        String big = "{:type :invoke, :f :read, :value nil, :process 0}\n[" + "1 ".repeat(5000) + "]\n";
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryReader.readString(big));
        assertTrue(e.getMessage().contains("expected an op map"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void readsElleCliJson() throws Exception {
        Path f = dir.resolve("h.json");
        Files.writeString(f, """
                [{"type":"invoke","f":"txn","value":[["append",1,2],["r",1,null]],"process":0,"index":0},
                 {"type":"ok","f":"txn","value":[["append",1,2],["r",1,[2]]],"process":0,"index":1}]
                """);
        History h = HistoryReader.read(f);
        assertEquals(OpType.OK, h.get(1).type());
        assertEquals(List.of(List.of(Keyword.of("append"), 1L, 2L), List.of(Keyword.of("r"), 1L, List.of(2L))),
                h.get(1).value());
    }

    @Test
    void readsJsonLines() throws Exception {
        History h = HistoryReader.readString("""
                {"type":"invoke","f":"read","value":null,"process":3}
                {"type":"ok","f":"read","value":4,"process":3}
                """);
        assertEquals(4L, h.get(1).value());
        assertEquals(3L, h.get(1).process());
    }

    @Test
    void unparseableLineNamesTheLine() {
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryReader.readString("""
                {:type :invoke :process 0 :f :read :value nil}
                {:type :ok :process 0 :f :read :value [1 2}
                """));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void missingFieldsAreNamed() {
        assertTrue(assertThrows(HistoryException.class, () -> HistoryReader.readString("{:process 0 :f :read}"))
                .getMessage().contains("no :type"));
        assertTrue(assertThrows(HistoryException.class, () -> HistoryReader.readString("{:type :invoke :f :read}"))
                .getMessage().contains("no :process"));
        assertTrue(assertThrows(HistoryException.class, () -> HistoryReader.readString("{:type :bogus :process 1}"))
                .getMessage().contains("unknown :type"));
        assertTrue(assertThrows(HistoryException.class, () -> HistoryReader.readString("[1 2]"))
                .getMessage().contains("expected an op map"));
    }

    @Test
    void completionWithoutInvokeIsRejected() {
        HistoryException e = assertThrows(HistoryException.class,
                () -> HistoryReader.readString("{:index 7 :type :ok :process 2 :f :read :value 1}"));
        assertTrue(e.getMessage().contains("op 7") && e.getMessage().contains("without an outstanding invoke"),
                e.getMessage());
    }

    @Test
    void doubleInvokeIsRejected() {
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryReader.readString("""
                {:index 0 :type :invoke :process 2 :f :read :value nil}
                {:index 1 :type :invoke :process 2 :f :read :value nil}
                """));
        assertTrue(e.getMessage().contains("still outstanding"), e.getMessage());
    }

    @Test
    void unclosedVectorIsAnError() {
        assertThrows(HistoryException.class,
                () -> HistoryReader.readString("[{:type :invoke :process 0 :f :read :value nil}"));
    }

    @Test
    void fileErrorsNameTheFile() throws Exception {
        Path f = dir.resolve("bad.edn");
        Files.writeString(f, "{:type :invoke :process 0 :value \"unterminated}\n");
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryReader.read(f));
        assertTrue(e.getMessage().startsWith("bad.edn: line 1"), e.getMessage());
    }

    @Test
    void writerRoundTrips() throws Exception {
        String text = """
                {:index 0, :time 1, :type :invoke, :process 0, :f :txn, :value [[:w :x 1] [:r "k" nil]]}
                {:index 1, :time 2, :type :fail, :process 0, :f :txn, :value [[:w :x 1] [:r "k" nil]], :error [:timeout "a\\"b"], :node #{1 2}}
                {:index 2, :type :info, :process :nemesis, :f :kill, :value {:n1 -3.5}}
                """;
        History h = HistoryReader.readString(text);
        StringWriter w = new StringWriter();
        HistoryWriter.write(h.ops(), w);
        assertEquals(text, w.toString());
        assertEquals(h.ops(), HistoryReader.readString(w.toString()).ops());
    }
}

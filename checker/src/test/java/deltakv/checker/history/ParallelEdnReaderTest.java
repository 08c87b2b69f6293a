package deltakv.checker.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.checker.elle.gen.HistoryGenerator;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multi-core parse must give exactly the ops the streaming parse gives, and refuse what it cannot split. */
class ParallelEdnReaderTest {
    @TempDir
    Path dir;

    @Test
    void sameOpsAsSequentialAcrossManySmallBlocks() throws Exception {
        List<Op> ops = HistoryGenerator.generate(
                HistoryGenerator.Config.of(HistoryGenerator.Workload.LIST_APPEND, 7, 2000));
        Path f = dir.resolve("h.edn");
        HistoryWriter.write(ops, f);
        List<Op> parallel = ParallelEdnReader.read(f, 3, 4096);
        List<Op> sequential = new ArrayList<>();
        try (OpSource src = HistoryReader.open(new StringReader(Files.readString(f)))) {
            for (Op o = src.next(); o != null; o = src.next()) {
                sequential.add(o);
            }
        }
        assertEquals(sequential, parallel);
        assertEquals(ops.size(), parallel.size());
    }

    @Test
    void missingIndicesBecomePositionsAndErrorsKeepLineNumbers() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            sb.append("{:type :invoke, :process ").append(i).append(", :f :txn, :value [[:r 1 nil]]}\n");
        }
        Path f = dir.resolve("noindex.edn");
        Files.writeString(f, sb.toString());
        List<Op> ops = ParallelEdnReader.read(f, 2, 1024);
        for (int i = 0; i < ops.size(); i++) {
            assertEquals(i, ops.get(i).index());
        }
        Files.writeString(f, sb + "{:type :ok, :process 1, :value [\n");
        HistoryException e = assertThrows(HistoryException.class, () -> ParallelEdnReader.read(f, 2, 1024));
        assertTrue(e.getMessage().contains("line 501"), e.getMessage());
    }
}

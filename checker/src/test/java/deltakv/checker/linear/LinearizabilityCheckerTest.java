package deltakv.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.checker.CheckOptions;
import deltakv.checker.CheckResult;
import deltakv.checker.Checkers;
import deltakv.checker.Validity;
import deltakv.checker.history.HistoryException;
import deltakv.checker.history.Op;
import deltakv.checker.linear.model.CasRegisterModel;
import deltakv.checker.linear.model.RegisterModel;
import deltakv.checker.linear.sim.SimulatedHistories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearizabilityCheckerTest {
    private static CheckResult check(Model model, List<Op> h) {
        return new LinearizabilityChecker(model).check(h);
    }

    @Test
    void explanationNamesPrefixFailingOpAndStates() throws Exception {
        CheckResult r = check(new RegisterModel(null), Fixtures.history("linear/register-fail-stale-read.edn"));
        assertEquals(Validity.FALSE, r.valid());
        String text = r.explanation();
        assertTrue(text.contains("longest linearizable prefix: 2 ops"), text);
        assertTrue(text.contains("cannot linearize: p2 :read 1 [index 4]"), text);
        // Nobody reads 2, so the model carries it as an anonymous value (see Unobserved).
        assertTrue(text.contains("model states reachable just before it: <value never observed>"), text);
        Map<String, Object> data = r.toData();
        assertEquals(false, data.get("valid?"));
        assertEquals(4L, data.get("failing-op-index"));
    }

    @Test
    void writesSelfContainedHtmlTimelineWithFailingOpMarked(@TempDir Path dir) throws Exception {
        CheckResult r = check(new RegisterModel(null), Fixtures.history("linear/register-fail-stale-read.edn"));
        r.writeFiles(dir);
        String html = Files.readString(dir.resolve("linear-timeline.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<g class='fail'><title>p2 :read 1 [index 4]</title>"), html);
        assertTrue(html.contains("class='lin'"));
        assertTrue(!html.contains("http://") || html.contains("xmlns='http://www.w3.org/2000/svg'"),
                "no external assets");
        assertTrue(Files.readString(dir.resolve("linear-explanation.txt")).contains("cannot linearize"));
    }

    @Test
    void crashedOpsMayTakeEffectLateOrNever() {
        List<Op> never = new Hist().invoke(0, "write", 1L).info(0, "write", 1L)
                .invoke(1, "read", null).ok(1, "read", 0L).ops();
        assertEquals(Validity.TRUE, check(new RegisterModel(0L), never).valid());
        List<Op> unfinished = new Hist().invoke(0, "write", 1L)
                .invoke(1, "read", null).ok(1, "read", 0L)
                .invoke(1, "read", null).ok(1, "read", 1L).ops();
        assertEquals(Validity.TRUE, check(new RegisterModel(0L), unfinished).valid());
    }

    @Test
    void failedOpsNeverTookEffect() {
        List<Op> h = new Hist().invoke(0, "cas", List.of(0L, 1L)).fail(0, "cas", List.of(0L, 1L))
                .invoke(1, "read", null).ok(1, "read", 1L).ops();
        assertEquals(Validity.FALSE, check(new CasRegisterModel(0L), h).valid());
    }

    @Test
    void independentKeysAreCheckedAsSeparateParts() throws Exception {
        LinearResult ok = (LinearResult) check(new RegisterModel(null), Fixtures.history("linear/register-pass-many-keys.edn"));
        assertEquals(3, ok.partitions());
        LinearResult bad = (LinearResult) check(new RegisterModel(null), Fixtures.history("linear/register-fail-many-keys.edn"));
        assertEquals(Validity.FALSE, bad.valid());
        assertTrue(bad.explanation().contains("independent part 2 of 3"), bad.explanation());
    }

    @Test
    void timeLimitGivesUnknownNotACrash() {
        List<Op> h = SimulatedHistories.registers(7, 20, 20_000, 1, 0.0);
        CheckResult r = new LinearizabilityChecker(new CasRegisterModel(0L), Duration.ofNanos(1), Long.MAX_VALUE, false).check(h);
        assertEquals(Validity.UNKNOWN, r.valid());
        assertTrue(r.explanation().contains("time limit"), r.explanation());
        assertEquals("unknown", r.toData().get("valid?"));
    }

    @Test
    void memoryGuardGivesUnknown() {
        List<Op> h = SimulatedHistories.registers(7, 20, 20_000, 1, 0.0);
        CheckResult r = new LinearizabilityChecker(new CasRegisterModel(0L), Duration.ZERO, 1, false).check(h);
        assertEquals(Validity.UNKNOWN, r.valid());
        assertTrue(r.explanation().contains("memory guard"), r.explanation());
    }

    @Test
    void badInputGivesClearErrors() {
        CheckOptions opts = CheckOptions.defaults();
        IllegalArgumentException unknownModel = assertThrows(IllegalArgumentException.class,
                () -> Checkers.forModel("stack", opts));
        assertTrue(unknownModel.getMessage().contains("unknown model 'stack'"));
        List<Op> h = new Hist().invoke(0, "append", 1L).ok(0, "append", 1L).ops();
        HistoryException unknownOp = assertThrows(HistoryException.class,
                () -> Checkers.forModel("register", opts).check(h));
        assertTrue(unknownOp.getMessage().contains("does not support p0 :append 1"), unknownOp.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Checkers.forModel("multi-register", new CheckOptions(null, 0, "[1 2", null)));
        assertThrows(IllegalArgumentException.class,
                () -> Checkers.forModel("multi-register", new CheckOptions(null, 0, "5", null)));
    }

    @Test
    void emptyHistoryIsLinearizable() {
        assertEquals(Validity.TRUE, check(new RegisterModel(null), List.of()).valid());
    }
}

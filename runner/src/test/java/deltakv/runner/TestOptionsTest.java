package deltakv.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import deltakv.runner.reproduce.Catalogue;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** test.json round trip: {@code dkv analyze} and {@code dkv replay} rebuild a run's options from it. */
class TestOptionsTest {
    private final TestOptions claimGc = Catalogue.find("compactor-skips-gap").orElseThrow()
            .options(7, Path.of("store"), true);

    @Test
    void popBoundsSurviveTheRoundTrip() {
        assertEquals("claim-gc", claimGc.popBounds(), "the catalogue row runs its nodes with claim-gc");
        assertEquals(claimGc, TestOptions.fromMap(claimGc.toMap()));
    }

    @Test
    void aRunStoredBeforeTheOptionReadsAsTheDefault() {
        Map<String, Object> old = new LinkedHashMap<>(claimGc.toMap());
        old.remove("pop-bounds");
        assertEquals("delta", TestOptions.fromMap(old).popBounds());
    }

    @Test
    void claimGcNeedsLocalDeltaNodes() {
        Map<String, Object> m = new LinkedHashMap<>(claimGc.toMap());
        m.put("variant", "rmw");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestOptions.fromMap(m));
        assertEquals("--pop-bounds claim-gc applies to the local nodes of variant delta only", e.getMessage());
    }
}

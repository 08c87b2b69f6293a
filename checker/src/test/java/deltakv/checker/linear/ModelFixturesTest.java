package deltakv.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import deltakv.checker.CheckOptions;
import deltakv.checker.CheckResult;
import deltakv.checker.Checkers;
import deltakv.checker.Validity;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model against its must-pass and must-fail fixtures (resources/linear/FIXTURES.tsv), via the registry. */
class ModelFixturesTest {
    static Stream<Arguments> fixtures() throws IOException {
        return Fixtures.manifest("linear/FIXTURES.tsv").stream().map(r -> Arguments.of(r[0], (Object) r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void verdictMatches(String name, String[] row) throws IOException {
        String init = row[2].isEmpty() ? null : row[2];
        CheckOptions opts = new CheckOptions(null, 30, init, null);
        CheckResult r = Checkers.forModel(row[1], opts).check(Fixtures.history("linear/" + row[0]));
        Validity expected = Boolean.parseBoolean(row[3]) ? Validity.TRUE : Validity.FALSE;
        assertEquals(expected, r.valid(), row[0] + ": " + r.explanation());
        if (expected == Validity.FALSE) {
            assertEquals(java.util.List.of("nonlinearizable"), r.anomalyTypes());
            assertFalse(r.explanation().isBlank(), "a violation must be explained");
        }
    }
}

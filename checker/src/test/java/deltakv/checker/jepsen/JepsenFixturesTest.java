package deltakv.checker.jepsen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.checker.CheckOptions;
import deltakv.checker.CheckResult;
import deltakv.checker.Checkers;
import deltakv.checker.Validity;
import deltakv.checker.linear.Fixtures;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** counter / set / set-full / queue against must-pass and must-fail fixtures (resources/jepsen/FIXTURES.tsv). */
class JepsenFixturesTest {
    static Stream<Arguments> fixtures() throws IOException {
        return Fixtures.manifest("jepsen/FIXTURES.tsv").stream().map(r -> Arguments.of(r[0], (Object) r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void verdictAndAnomaliesMatch(String name, String[] row) throws IOException {
        CheckResult r = Checkers.forWorkload(row[1], CheckOptions.defaults()).check(Fixtures.history("jepsen/" + row[0]));
        Validity expected = switch (row[2]) {
            case "true" -> Validity.TRUE;
            case "false" -> Validity.FALSE;
            default -> Validity.UNKNOWN;
        };
        assertEquals(expected, r.valid(), name + ": " + r.explanation() + " " + r.toData());
        List<String> types = row[3].isEmpty() ? List.of() : Arrays.asList(row[3].split(","));
        assertEquals(types, r.anomalyTypes(), name);
    }
}

package deltakv.cli;

import deltakv.engine.Bug;
import deltakv.runner.reproduce.Catalogue;
import deltakv.runner.reproduce.Reproduce;
import deltakv.runner.reproduce.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dkv reproduce ID… | --all | --list [--seed N] [--control]} (CLI.md): each scenario of the anomaly
 * catalogue with its bug flag, run until detected or out of budget; with {@code --control} the correct
 * engine on the same runs. One result line per scenario on stdout, progress per run on stderr.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Run the anomaly catalogue's scenarios (ANOMALIES.md): is each planted bug caught? "
                + "Exit 0 all detected (and controls valid), 1 one missed or a control failed, 2 a run unknown, 255 a crash.")
public final class ReproduceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", arity = "0..*", description = "Bug flags to reproduce (see --list).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Every scenario of the catalogue.")
    boolean all;

    @Option(names = "--list", description = "Print the catalogue: id, what the bug does, the scenario, budget.")
    boolean list;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first run; later runs take seed+1, … (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--control", description = "Also run the correct engine on the same runs: it must be valid.")
    boolean control;

    @Option(names = "--store", defaultValue = "store", description = "Results store (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--seeds", split = ",", paramLabel = "N,…",
            description = "Several trials: each scenario once from each of these first seeds (instead of --seed), "
                    + "then a detection table (detected k/n, median seconds, valid controls); one missed trial makes the exit 1.")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the outcomes (and the detection table) as JSON, rewritten after each trial.")
    Path json;

    @Override
    public Integer call() {
        if (list && (all || !ids.isEmpty())) {
            System.err.println("dkv reproduce: --list takes no bug ids and no --all");
            return ExitCodes.BAD_ARGUMENTS;
        }
        if (list) {
            for (Scenario s : Catalogue.all()) {
                Bug b = bug(s.bug());
                System.out.printf("%-26s %s%n%26s %s  (budget %s s)%n", s.bug(), b.description(), "", s.command(seed),
                        fmt(s.budget()));
            }
            return ExitCodes.OK;
        }
        List<Scenario> chosen = new ArrayList<>();
        if (all == !ids.isEmpty()) {
            System.err.println("dkv reproduce: give bug ids, --all or --list");
            return ExitCodes.BAD_ARGUMENTS;
        }
        if (all) chosen.addAll(Catalogue.all());
        for (String id : ids) {
            Scenario s = Catalogue.find(id).orElse(null);
            if (s == null) {
                System.err.println("dkv reproduce: no scenario '" + id + "' (dkv reproduce --list shows the catalogue)");
                return ExitCodes.BAD_ARGUMENTS;
            }
            chosen.add(s);
        }
        List<Long> trials = seeds.isEmpty() ? List.of(seed) : seeds;
        ReproduceReport report = new ReproduceReport(trials, control);
        int code = ExitCodes.OK;
        for (Scenario s : chosen) {
            for (long first : trials) {
                Reproduce.Outcome o;
                try {
                    o = Reproduce.run(s, first, control, store, System.err);
                } catch (IllegalArgumentException e) {
                    System.err.println("dkv reproduce: " + e.getMessage());
                    return ExitCodes.BAD_ARGUMENTS;
                } catch (Exception e) {
                    System.err.println("dkv reproduce: " + s.bug() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return ExitCodes.CRASH;
                }
                System.out.println(line(o));
                System.out.flush();
                report.add(o, first);
                if (json != null) {
                    try {
                        report.write(json);
                    } catch (java.io.IOException e) {
                        System.err.println("dkv reproduce: cannot write " + json + ": " + e.getMessage() + " (going on)");
                    }
                }
                code = worse(code, o.exitCode());
            }
        }
        if (trials.size() > 1) report.printTable(System.out);
        return code;
    }

    /**
     * CLI.md's order, one field per column so scripts can split on blanks:
     * {@code id  yes|no  anomalies|-|unknown  seconds  run-dir  [control: valid|invalid|unknown control-dir]  (k runs)}.
     * A scenario not detected with an unknown run says {@code unknown} where the anomaly types go (exit 2).
     */
    static String line(Reproduce.Outcome o) {
        boolean detected = o.status() == Reproduce.Status.DETECTED;
        String anomalies = o.status() == Reproduce.Status.UNKNOWN ? "unknown"
                : o.anomalies().isEmpty() ? "-" : String.join(",", o.anomalies());
        StringBuilder sb = new StringBuilder(String.format("%-26s %-3s %-32s %4s  %s", o.scenario().bug(),
                detected ? "yes" : "no", anomalies, fmt(o.seconds()), o.runDir()));
        if (o.control() != Reproduce.Control.NOT_RUN) {
            sb.append("  control: ").append(o.control().name().toLowerCase()).append(' ').append(o.controlDir());
        }
        sb.append("  (").append(o.runs()).append(o.runs() == 1 ? " run)" : " runs)");
        return sb.toString();
    }

    /** As Jepsen's test-all: crashed (255) over unknown (2) over invalid (1) over valid (0). */
    static int worse(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case ExitCodes.CRASH -> 3;
            case ExitCodes.UNKNOWN -> 2;
            case ExitCodes.INVALID -> 1;
            default -> 0;
        };
    }

    private static Bug bug(String id) {
        return Bug.byId(id).orElseThrow(() -> new IllegalStateException("catalogue row without a bug flag: " + id));
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

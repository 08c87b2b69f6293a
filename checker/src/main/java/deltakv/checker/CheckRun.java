package deltakv.checker;

import deltakv.checker.history.History;
import deltakv.checker.history.HistoryException;
import deltakv.checker.history.HistoryReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What `dkv check` does, callable without the CLI: read the history, run the checker, print the verdict
 * line first, then anomaly types and the explanation, write --out files, and return the exit code
 * (0 valid, 1 invalid, 2 unknown, 254 bad arguments or history).
 */
public final class CheckRun {
    public static final int BAD_INPUT = 254;

    private CheckRun() {}

    /** @param workload true for --workload NAME, false for --model NAME */
    public static int run(boolean workload, String name, Path historyFile, CheckOptions opts, PrintStream out,
                          PrintStream err) {
        Checker checker;
        History history;
        if (java.nio.file.Files.isDirectory(historyFile)) {
            // a run directory is a common slip: its history is one level down
            err.println("dkv check: " + historyFile + " is a directory; give its history file (e.g. "
                    + historyFile.resolve("history.edn") + ")");
            return BAD_INPUT;
        }
        try {
            checker = workload ? Checkers.forWorkload(name, opts) : Checkers.forModel(name, opts);
            history = HistoryReader.read(historyFile);
        } catch (IllegalArgumentException | HistoryException e) {
            err.println("dkv check: " + e.getMessage());
            return BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("dkv check: no such history file: " + historyFile);
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("dkv check: cannot read " + historyFile + ": " + e.getMessage());
            return BAD_INPUT;
        }
        CheckResult r;
        try {
            r = checker.check(history.ops());
        } catch (HistoryException | IllegalArgumentException e) { // the history does not fit this checker
            err.println("dkv check: " + historyFile.getFileName() + ": " + e.getMessage());
            return BAD_INPUT;
        }
        out.println("valid? " + switch (r.valid()) {
            case TRUE -> "true";
            case FALSE -> "false";
            case UNKNOWN -> "unknown";
        });
        if (!r.anomalyTypes().isEmpty()) {
            out.println("anomaly-types: " + String.join(" ", r.anomalyTypes()));
        }
        if (!r.explanation().isEmpty()) {
            out.println(r.explanation());
        }
        if (opts.outDir() != null) {
            try {
                ResultFiles.write(r, opts.outDir());
            } catch (IOException e) {
                err.println("dkv check: cannot write results to " + opts.outDir() + ": " + e.getMessage());
                return BAD_INPUT;
            }
        }
        return r.valid().exitCode();
    }
}

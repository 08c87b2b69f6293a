package deltakv.cli;

import deltakv.checker.history.HistoryException;
import deltakv.runner.analysis.Analysis;
import deltakv.runner.store.RunDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dkv analyze RUN_DIR}: re-runs a stored run's checks with its own options and rewrites its results. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Re-check a stored run (same checkers, same options); rewrites results, plots and summary.txt.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run directory, e.g. store/latest.")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            System.err.println("dkv analyze: no such directory: " + dir);
            return ExitCodes.BAD_ARGUMENTS;
        }
        if (!RunDir.isRun(dir)) {
            System.err.println("dkv analyze: " + dir + " is not a run directory (no " + RunDir.TEST + ")");
            return ExitCodes.BAD_ARGUMENTS;
        }
        try {
            Analysis.Outcome outcome = Analysis.run(new RunDir(dir.toRealPath()));
            outcome.lines().forEach(System.out::println);
            return outcome.valid().exitCode();
        } catch (NoSuchFileException e) {
            System.err.println("dkv analyze: " + dir + " has no " + Path.of(e.getFile()).getFileName());
        } catch (HistoryException e) {
            System.err.println("dkv analyze: corrupt history: " + e.getMessage());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            System.err.println("dkv analyze: corrupt " + RunDir.TEST + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            System.err.println("dkv analyze: " + e.getMessage());
        } catch (IOException e) {
            System.err.println("dkv analyze: cannot read " + dir + ": " + e.getMessage());
        }
        return ExitCodes.BAD_ARGUMENTS;
    }
}

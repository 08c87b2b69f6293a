package deltakv.runner.exec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The harness's own log: each line to the console and, time-stamped, to the run's {@code dkv.log}. */
public final class RunLog implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private final PrintStream console;
    private BufferedWriter file;

    public RunLog(PrintStream console) {
        this.console = console;
    }

    /** From now on lines also go to {@code file} (the run directory exists only after option checks). */
    public synchronized void to(Path file) throws IOException {
        this.file = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** A line for the user and the log. */
    public void info(String line) {
        console.println(line);
        console.flush();
        quiet(line);
    }

    /** A line for the log only. */
    public synchronized void quiet(String line) {
        if (file == null) return;
        try {
            file.write(TIME.format(LocalTime.now()) + " " + line + "\n");
            file.flush();
        } catch (IOException ignored) {
            // the log is a convenience; the run's results do not depend on it
        }
    }

    @Override
    public synchronized void close() {
        if (file == null) return;
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
        file = null;
    }
}

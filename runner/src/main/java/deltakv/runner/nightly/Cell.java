package deltakv.runner.nightly;

import java.nio.file.Path;
import java.util.List;

/**
 * One cell of the nightly matrix: a {@code dkv} command run as its own process. Plain data; {@link CellRunner}
 * runs it and {@link Row} is what it left.
 */
public sealed interface Cell permits TestCell, ReproduceCell {
    /** Stable across nights (coverage counts these): {@code test/list-append/partition/delta}, {@code reproduce/ID}. */
    String id();

    /** Wall seconds the cell is expected to take, for planning (the run's own length plus start-up and checking). */
    double estimateSeconds();

    /**
     * The {@code dkv} arguments of the cell.
     *
     * @param cellDir the cell's own directory in the nightly (for files the command writes besides its runs)
     */
    List<String> args(long seed, Path store, Path cellDir);

    /** The line of a plan file ({@link PlanFile}) that names this cell. */
    String planLine();

    /** Wall seconds around a run beyond its --time-limit: cluster start, final phase, checking, stop (measured: 8–15 s). */
    double RUN_OVERHEAD = 15;
}

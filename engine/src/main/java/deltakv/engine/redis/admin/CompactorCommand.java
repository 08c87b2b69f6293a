package deltakv.engine.redis.admin;

import deltakv.engine.redis.LocalCommand;
import deltakv.engine.redis.Reply;
import java.util.List;

/** {@code DKV.COMPACTOR PAUSE|RESUME|STATS|RUN}: the compactor-stall nemesis and its observers. */
final class CompactorCommand {
    private CompactorCommand() {}

    static LocalCommand of(CompactorControl compactor) {
        return new LocalCommand("dkv.compactor", 2, args -> run(compactor, args));
    }

    private static Reply run(CompactorControl compactor, List<byte[]> args) {
        switch (Subcommand.name(args)) {
            case "pause":
                compactor.pause();
                return Reply.OK;
            case "resume":
                compactor.resume();
                return Reply.OK;
            case "run":
                compactor.runOnce();
                return Reply.OK;
            case "stats":
                return new KeyValues().put("paused", compactor.paused() ? 1 : 0).putAll("", compactor.stats()).reply();
            default:
                return Subcommand.unknown("DKV.COMPACTOR", args);
        }
    }
}

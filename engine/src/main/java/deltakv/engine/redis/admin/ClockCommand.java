package deltakv.engine.redis.admin;

import deltakv.engine.redis.LocalCommand;
import deltakv.engine.redis.Reply;
import java.util.List;

/** {@code DKV.CLOCK GET} → offset ms (integer); {@code DKV.CLOCK SET <offsetMs>} → OK. */
final class ClockCommand {
    private ClockCommand() {}

    static LocalCommand of(ClockControl clock) {
        return new LocalCommand("dkv.clock", -2, args -> run(clock, args));
    }

    private static Reply run(ClockControl clock, List<byte[]> args) {
        String sub = Subcommand.name(args);
        switch (sub) {
            case "get":
                return args.size() == 2 ? new Reply.Int(clock.offsetMs()) : Subcommand.arity("dkv.clock", sub);
            case "set":
                if (args.size() != 3) return Subcommand.arity("dkv.clock", sub);
                try {
                    clock.setOffsetMs(Long.parseLong(Subcommand.text(args.get(2))));
                    return Reply.OK;
                } catch (NumberFormatException e) {
                    return Reply.NOT_INTEGER;
                }
            default:
                return Subcommand.unknown("DKV.CLOCK", args);
        }
    }
}

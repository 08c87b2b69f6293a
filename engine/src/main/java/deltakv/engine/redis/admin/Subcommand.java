package deltakv.engine.redis.admin;

import deltakv.engine.redis.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Parsing helpers shared by admin commands with subcommands. */
final class Subcommand {
    private Subcommand() {}

    static String name(List<byte[]> args) {
        return text(args.get(1)).toLowerCase(Locale.ROOT);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static Reply unknown(String command, List<byte[]> args) {
        return Reply.error("ERR unknown subcommand '" + text(args.get(1)) + "'. Try " + command + " HELP.");
    }

    static Reply arity(String command, String sub) {
        return Reply.error("ERR wrong number of arguments for '" + command + "|" + sub + "' command");
    }
}

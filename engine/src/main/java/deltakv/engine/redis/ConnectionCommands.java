package deltakv.engine.redis;

import java.util.List;
import java.util.Locale;

/** Connection-level commands every Redis client expects: PING, ECHO, SELECT, CLIENT, HELLO, COMMAND. */
public final class ConnectionCommands {
    private static final Reply PONG = new Reply.Simple("PONG");

    private ConnectionCommands() {}

    public static List<LocalCommand> all() {
        return List.of(
                new LocalCommand("ping", -1, ConnectionCommands::ping),
                new LocalCommand("echo", 2, args -> new Reply.Bulk(args.get(1))),
                new LocalCommand("select", 2, ConnectionCommands::select),
                new LocalCommand("client", -2, ConnectionCommands::client),
                HelloCommand.command(),
                // redis-cli asks for command docs at start-up; an empty answer is fine for it.
                new LocalCommand("command", -1, args -> new Reply.Array(List.of())));
    }

    private static Reply ping(List<byte[]> args) {
        if (args.size() > 2) return CommandErrors.wrongArity("ping");
        return args.size() == 2 ? new Reply.Bulk(args.get(1)) : PONG;
    }

    /** Only database 0 exists (a cluster-wide keyspace, like Redis Cluster). */
    private static Reply select(List<byte[]> args) {
        long db;
        try {
            db = Long.parseLong(CommandErrors.text(args.get(1)));
        } catch (NumberFormatException e) {
            return Reply.NOT_INTEGER;
        }
        return db == 0 ? Reply.OK : Reply.error("ERR DB index is out of range");
    }

    /** Client libraries announce themselves on connect (Jedis: CLIENT SETINFO); accept and ignore. */
    private static Reply client(List<byte[]> args) {
        String sub = CommandErrors.text(args.get(1)).toLowerCase(Locale.ROOT);
        return switch (sub) {
            case "setinfo", "setname" -> Reply.OK;
            case "getname" -> Reply.NULL_BULK;
            default -> Reply.error("ERR unknown subcommand '" + CommandErrors.text(args.get(1))
                    + "'. Try CLIENT HELP.");
        };
    }
}

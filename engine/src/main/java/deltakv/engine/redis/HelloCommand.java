package deltakv.engine.redis;

import java.util.List;

/**
 * {@code HELLO [protover …]}: RESP2 only. Clients that try RESP3 get NOPROTO and fall back,
 * as they do with a Redis server that lacks RESP3.
 */
final class HelloCommand {
    private HelloCommand() {}

    static LocalCommand command() {
        return new LocalCommand("hello", -1, HelloCommand::hello);
    }

    private static Reply hello(List<byte[]> args) {
        if (args.size() > 1) {
            long version;
            try {
                version = Long.parseLong(CommandErrors.text(args.get(1)));
            } catch (NumberFormatException e) {
                return Reply.error("ERR Protocol version is not an integer or out of range");
            }
            if (version != 2) return Reply.error("NOPROTO unsupported protocol version");
        }
        return new Reply.Array(List.of(
                Reply.bulk("server"), Reply.bulk("redis"),
                Reply.bulk("version"), Reply.bulk(ServerVersion.REDIS_VERSION),
                Reply.bulk("proto"), new Reply.Int(2),
                Reply.bulk("mode"), Reply.bulk("standalone"),
                Reply.bulk("role"), Reply.bulk("master"),
                Reply.bulk("modules"), new Reply.Array(List.of())));
    }
}

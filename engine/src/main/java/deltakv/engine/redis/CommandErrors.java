package deltakv.engine.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Error replies worded exactly as Redis 7 words them, so clients and tests can match them. */
public final class CommandErrors {
    private static final int ARGS_PREVIEW = 128;

    private CommandErrors() {}

    public static Reply unknownCommand(List<byte[]> args) {
        StringBuilder preview = new StringBuilder();
        for (int i = 1; i < args.size() && preview.length() < ARGS_PREVIEW; i++) {
            String a = text(args.get(i));
            int room = ARGS_PREVIEW - preview.length();
            preview.append('\'').append(a, 0, Math.min(a.length(), room)).append("' ");
        }
        String name = text(args.get(0));
        name = name.substring(0, Math.min(name.length(), ARGS_PREVIEW));
        return Reply.error(sanitize("ERR unknown command '" + name + "', with args beginning with: " + preview));
    }

    public static Reply wrongArity(String lowerName) {
        return Reply.error("ERR wrong number of arguments for '" + lowerName + "' command");
    }

    public static Reply protocol(String detail) {
        return Reply.error("ERR Protocol error: " + detail);
    }

    /** Error lines must not contain CR or LF (they end the RESP line); Redis maps them to spaces. */
    public static String sanitize(String message) {
        return message.replace('\r', ' ').replace('\n', ' ');
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}

package deltakv.engine.redis.admin;

import deltakv.engine.redis.LocalCommand;
import deltakv.engine.redis.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code INFO [section …]}: "# Section" headers and name:value lines, CRLF-separated, as redis-cli
 * and client libraries parse them. Sections: server, replication, deltakv, stats, compactor.
 */
final class InfoCommand {
    private InfoCommand() {}

    static LocalCommand of(AdminContext c) {
        return new LocalCommand("info", -1, args -> Reply.bulk(render(c, args)));
    }

    private static String render(AdminContext c, List<byte[]> args) {
        boolean all = args.size() == 1;
        List<String> wanted = args.stream().skip(1).map(a -> Subcommand.text(a).toLowerCase(Locale.ROOT)).toList();
        all |= wanted.contains("all") || wanted.contains("everything") || wanted.contains("default");
        StringBuilder out = new StringBuilder();
        for (InfoSection s : InfoSection.values()) {
            if (all || wanted.contains(s.key())) append(out, s.title(), s.fields(c));
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String title, Map<String, Object> fields) {
        if (out.length() > 0) out.append("\r\n");
        out.append("# ").append(title).append("\r\n");
        fields.forEach((k, v) -> out.append(k).append(':').append(v).append("\r\n"));
    }
}

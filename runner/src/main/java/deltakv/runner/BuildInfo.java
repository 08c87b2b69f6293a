package deltakv.runner;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What test.json records about the software that ran: the git commit and the versions that matter. */
public final class BuildInfo {
    private BuildInfo() {}

    public static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.matches("[0-9a-f]{40}")) return null;
            Process d = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").redirectErrorStream(true).start();
            String dirty = new String(d.getInputStream().readAllBytes()).trim();
            d.waitFor(5, TimeUnit.SECONDS);
            return dirty.isEmpty() ? out : out + "-dirty";
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    static Map<String, Object> versions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dkv", "0.1.0");
        m.put("java", System.getProperty("java.version"));
        m.put("jedis", pkgVersion(redis.clients.jedis.Jedis.class));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    private static String pkgVersion(Class<?> c) {
        String v = c.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}

package deltakv.checker.elle;

import deltakv.checker.CheckOptions;
import deltakv.checker.CheckRun;
import java.nio.file.Path;
import java.util.Arrays;

/** Manual runner: ManualCheck WORKLOAD FILE [models] — prints what `dkv check` would. */
public final class ManualCheck {
    public static void main(String[] args) {
        CheckOptions o = CheckOptions.defaults();
        if (args.length > 2) {
            o = o.withModels(Arrays.asList(args[2].split(",")));
        }
        long t = System.nanoTime();
        int rc = CheckRun.run(true, args[0], Path.of(args[1]), o, System.out, System.err);
        System.out.println("exit " + rc + " in " + (System.nanoTime() - t) / 1_000_000 + " ms");
    }
}

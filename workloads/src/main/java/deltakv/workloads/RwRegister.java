package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.elle.RwRegisterChecker;
import deltakv.checker.history.Keyword;
import deltakv.workloads.client.Connection;
import deltakv.workloads.client.MopClient;
import deltakv.workloads.gen.KeyRotation;
import deltakv.workloads.gen.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * {@code rw-register} (HARNESS.md §3): transactions of {@code [:w k v]} → {@code SET k v} and
 * {@code [:r k nil]} → {@code GET k}, alone or in MULTI/EXEC; values unique per key; keys retire after
 * about max-writes-per-key writes. Checked by Elle's rw-register checker.
 */
public final class RwRegister {
    static final Keyword WRITE = Keyword.of("w");
    static final Keyword READ = Keyword.of("r");

    private RwRegister() {}

    public static Workload create(WorkloadOptions o) {
        CheckOptions check = new CheckOptions(o.consistencyModels(), o.checkTimeLimitSeconds(), null, null);
        return new Workload("rw-register", Client::new, worker -> generator(o, worker),
                Workload.noFinalPhase(), Map.of("elle", new RwRegisterChecker(check)));
    }

    static OpGenerator generator(WorkloadOptions o, int worker) {
        Random r = Seeds.forWorker(o.seed(), worker);
        KeyRotation keys = new KeyRotation(o.keyCount(), o.keyDist(), o.maxWritesPerKey(), o.concurrency());
        long[] next = {WorkloadOptions.valueBase(worker)};
        return () -> {
            int n = 1 + r.nextInt(o.maxTxnLength());
            List<Object> mops = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long k = keys.pick(r);
                if (r.nextBoolean()) {
                    mops.add(Arrays.asList(WRITE, k, ++next[0]));
                    keys.wrote(k);
                } else {
                    mops.add(Arrays.asList(READ, k, null));
                }
            }
            return Invocation.of("txn", mops);
        };
    }

    static final class Client extends MopClient {
        Client(Connection conn) {
            super(conn);
        }

        @Override
        protected Object alone(Keyword f, String key, Object value) {
            if (f.equals(WRITE)) {
                conn.jedis().set(key, String.valueOf(value));
                return value;
            }
            return number(conn.jedis().get(key));
        }

        @Override
        protected Response<?> queue(Transaction t, Keyword f, String key, Object value) {
            return f.equals(WRITE) ? t.set(key, String.valueOf(value)) : t.get(key);
        }

        @Override
        protected Object completed(Keyword f, Object value, Object result) {
            return f.equals(WRITE) ? value : number((String) result);
        }
    }
}

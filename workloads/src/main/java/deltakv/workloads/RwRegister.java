package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.elle.RwRegisterChecker;
import deltakv.checker.history.Keyword;
import deltakv.workloads.client.Connection;
import deltakv.workloads.client.MopClient;
import deltakv.workloads.gen.MopTxns;
import java.util.List;
import java.util.Map;
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
        return MopTxns.generator(o, worker, WRITE, READ);
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

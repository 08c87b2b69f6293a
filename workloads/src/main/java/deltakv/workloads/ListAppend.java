package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.elle.ListAppendChecker;
import deltakv.checker.history.Keyword;
import deltakv.workloads.client.Connection;
import deltakv.workloads.client.MopClient;
import deltakv.workloads.gen.MopTxns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * {@code list-append} (HARNESS.md §3, Jepsen's Redis test): transactions of 1–max-txn-length micro-ops,
 * {@code [:append k v]} → {@code RPUSH k v} and {@code [:r k nil]} → {@code LRANGE k 0 -1}, alone or in
 * MULTI/EXEC; values unique per key; keys retire after about max-writes-per-key appends. Checked by Elle's
 * list-append checker under the chosen consistency models (strict-serializable by default).
 */
public final class ListAppend {
    static final Keyword APPEND = Keyword.of("append");
    static final Keyword READ = Keyword.of("r");

    private ListAppend() {}

    public static Workload create(WorkloadOptions o) {
        CheckOptions check = new CheckOptions(o.consistencyModels(), o.checkTimeLimitSeconds(), null, null);
        return new Workload("list-append", Client::new, worker -> generator(o, worker),
                Workload.noFinalPhase(), Map.of("elle", new ListAppendChecker(check)));
    }

    static OpGenerator generator(WorkloadOptions o, int worker) {
        return MopTxns.generator(o, worker, APPEND, READ);
    }

    static final class Client extends MopClient {
        Client(Connection conn) {
            super(conn);
        }

        @Override
        protected Object alone(Keyword f, String key, Object value) {
            if (f.equals(APPEND)) {
                conn.jedis().rpush(key, String.valueOf(value));
                return value;
            }
            return numbers(conn.jedis().lrange(key, 0, -1));
        }

        @Override
        protected Response<?> queue(Transaction t, Keyword f, String key, Object value) {
            return f.equals(APPEND) ? t.rpush(key, String.valueOf(value)) : t.lrange(key, 0, -1);
        }

        @Override
        protected Object completed(Keyword f, Object value, Object result) {
            return f.equals(APPEND) ? value : numbers((List<?>) result);
        }

        private static List<Object> numbers(List<?> strings) {
            List<Object> out = new ArrayList<>(strings.size());
            for (Object s : strings) out.add(number((String) s));
            return out;
        }
    }
}

/**
 * Contended load for {@code dkv bench contended}: closed-loop Jedis clients hammering a few keys with one
 * command (or producers and consumers on the same lists), per-call latency, and an end check that every
 * acknowledged element was popped or is still there exactly once. The runner starts the clusters and the
 * reference redis-server; this package only measures.
 */
package deltakv.workloads.bench;

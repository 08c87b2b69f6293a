package deltakv.engine.raft;

/**
 * No leader could be reached in time (election in progress, partition, quorum down). Nothing was
 * changed; the client may retry. The Redis front maps it to a {@code -TRYAGAIN} error.
 */
public final class ClusterUnavailableException extends RuntimeException {
    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

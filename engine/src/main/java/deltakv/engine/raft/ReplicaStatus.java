package deltakv.engine.raft;

/**
 * What the admin commands report about this member.
 *
 * @param role      leader, follower, candidate or down
 * @param leaderId  the leader this member knows of, or null
 */
public record ReplicaStatus(String id, String role, String leaderId, long term, long appliedIndex,
                            long appliedTs) {}

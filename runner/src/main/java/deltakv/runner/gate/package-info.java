/**
 * {@code dkv gate}: is a candidate's bench slower than a baseline's? Each point as a ratio to its own file's
 * redis-server reference (so files from different days and machines compare), the {@code --repeat} runs as
 * samples, a one-sided Mann-Whitney U test with exact p-values plus the median change.
 */
package deltakv.runner.gate;

package deltakv.nemesis;

import deltakv.nemesis.cluster.ClusterControl;

/**
 * Carries out faults on a cluster, only through {@link ClusterControl} (and the harness's proxies):
 * never by reaching into the engine.
 */
public interface Nemesis {
    /** Does {@code fault} and returns what was really done (which nodes, who led), for the history. */
    Object invoke(Fault fault, ClusterControl cluster) throws Exception;

    /** Undoes every fault still in effect (recovery phase): heal links, resume, restart, reset clocks. */
    void healAll(ClusterControl cluster) throws Exception;

    /** The nemesis that does nothing ({@code --nemesis none}). */
    Nemesis NONE = new Nemesis() {
        @Override
        public Object invoke(Fault fault, ClusterControl cluster) {
            throw new IllegalStateException("the none nemesis has no faults (asked for " + fault.f() + ")");
        }

        @Override
        public void healAll(ClusterControl cluster) {}
    };
}

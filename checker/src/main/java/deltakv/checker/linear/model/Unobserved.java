package deltakv.checker.linear.model;

/**
 * Stands in for written values no op ever observes. Models compare values only with observed ones, so giving
 * all unobserved values one label changes no verdict, but makes states that differ only in them equal — which
 * the search's memo then collapses (e.g. the order of concurrent enqueues nobody dequeues).
 */
final class Unobserved {
    static final Object VALUE = new Object() {
        @Override
        public String toString() {
            return "<value never observed>";
        }
    };

    private Unobserved() {}
}

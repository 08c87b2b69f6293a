package deltakv.checker.elle;

/** Explains an edge a → b of a given relation with concrete evidence, and renders it in Elle's words. */
public interface PairExplainer {
    Step explain(Txn a, Txn b, int rel);

    String render(Step step, String aName, String bName);
}

package deltakv.engine.collections;

/** Which end of a list a push or pop acts on. */
public enum End {
    LEFT,
    RIGHT
}

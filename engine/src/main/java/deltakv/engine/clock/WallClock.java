package deltakv.engine.clock;

/** Physical time source of the HLC, injectable so tests and the nemesis can control it. */
@FunctionalInterface
public interface WallClock {
    long millis();

    WallClock SYSTEM = System::currentTimeMillis;
}

package deltakv.cli;

/** Jepsen's exit codes, shared by every command (CLI.md). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int UNKNOWN = 2;
    public static final int BAD_ARGUMENTS = 254;
    public static final int CRASH = 255;

    private ExitCodes() {}
}

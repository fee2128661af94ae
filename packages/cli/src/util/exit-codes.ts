/** Process exit codes of the `ntm` command. */
export const ExitCode = {
    Success: 0,
    /** Errors in a pack or a commune file, or a failed test. */
    Failure: 1,
    /** The command line itself was wrong (unknown option, missing argument, unreadable path). */
    Usage: 2
} as const;

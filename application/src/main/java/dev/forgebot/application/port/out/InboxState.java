package dev.forgebot.application.port.out;

/** Where the handling of an inbox entry stands. */
public enum InboxState {
    /** Stored and not yet handled (possibly waiting for a retry). */
    PENDING,
    /** Handled. */
    HANDLED,
    /** Nothing to do for it (an unsupported update). */
    SKIPPED,
    /** Given up on after a permanent failure or the last attempt; kept with its error. */
    DEAD;

    /** Whether handling is over. */
    public boolean isFinal() {
        return this != PENDING;
    }
}

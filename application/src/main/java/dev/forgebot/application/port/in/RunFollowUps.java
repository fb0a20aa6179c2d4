package dev.forgebot.application.port.in;

/**
 * Sends the follow-ups that are due, once each even with several instances running. Called by a
 * supervised loop. Thread-safe.
 */
public interface RunFollowUps {

    /** One pass over the due leads. */
    FollowUpRun runOnce();

    /**
     * What a pass did.
     *
     * @param due     leads found due
     * @param sent    follow-ups sent
     * @param skipped due leads another instance claimed first, or that changed meanwhile
     * @param failed  follow-ups claimed but not delivered (blocked, gone, refused)
     */
    record FollowUpRun(int due, int sent, int skipped, int failed) {
    }
}

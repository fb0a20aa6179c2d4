package dev.forgebot.bootstrap.runtime;

/**
 * One pass of a supervised loop (a poll, a dispatch round, a follow-up sweep), repeated by the
 * {@link LoopSupervisor}.
 *
 * <p>Called by one thread at a time. An exception ends this pass only: the supervisor logs it at
 * ERROR and runs the next pass on schedule. An {@link Error} kills the loop's thread, which the
 * supervisor restarts with backoff. An {@link InterruptedException} means the loop is being stopped.
 */
@FunctionalInterface
public interface LoopBody {

    /**
     * Does one pass.
     *
     * @return what the loop does next
     * @throws Exception a failure of this pass; the loop goes on
     */
    LoopOutcome runOnce() throws Exception;
}

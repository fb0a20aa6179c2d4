package dev.forgebot.bootstrap.runtime;

/**
 * Starts a body on a new thread. The one seam between the runtime's bookkeeping and real threads:
 * production uses {@link #VIRTUAL}; unit tests pass a starter that runs the body on the calling
 * thread, so that scheduling, counting and logging can be checked without threads or wall clock.
 */
@FunctionalInterface
interface ThreadStarter {

    /** Each body on a new, named virtual thread. */
    ThreadStarter VIRTUAL = (threadName, body) -> Thread.ofVirtual().name(threadName).start(body);

    /** Runs {@code body} on a new thread named {@code threadName}. */
    void start(String threadName, Runnable body);
}

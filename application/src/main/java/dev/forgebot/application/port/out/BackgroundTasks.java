package dev.forgebot.application.port.out;

/**
 * Runs work in the background, supervised. The only way application code starts concurrent work:
 * it creates no threads or executors of its own.
 *
 * <p>Contract: a launched task runs on its own (virtual) thread named after it; the implementation
 * keeps a reference to it until it ends, logs a failure at ERROR with the task's name, and counts
 * launched, running, succeeded and failed tasks. A launch after shutdown is refused with a warning
 * and returns false; nothing is dropped silently. Thread-safe.
 */
public interface BackgroundTasks {

    /**
     * Starts {@code task} in the background.
     *
     * @param name what it is, for thread names and logs (e.g. {@code enrich-lead}); never customer text
     * @return true if it was started, false if the executor is shut down
     */
    boolean launch(String name, Task task);

    /** A unit of background work. */
    @FunctionalInterface
    interface Task {
        /** Does the work; an exception is logged by the executor at ERROR. */
        void run() throws Exception;
    }
}

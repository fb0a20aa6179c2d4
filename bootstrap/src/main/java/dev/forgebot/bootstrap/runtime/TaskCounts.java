package dev.forgebot.bootstrap.runtime;

/**
 * A snapshot of a {@link SupervisedExecutor}'s counters, for metrics and health. Immutable.
 *
 * <p>The counters are read one after another while tasks may be ending, so a snapshot taken under
 * load can be off by the tasks that ended meanwhile; once the executor is idle,
 * {@code launched == succeeded + failed} and {@code running == 0}.
 *
 * @param launched tasks accepted since the executor was created
 * @param running tasks started and not yet ended
 * @param succeeded tasks that returned normally
 * @param failed tasks that threw (including those interrupted at shutdown)
 * @param refused launches refused because the executor was shut down
 */
public record TaskCounts(long launched, long running, long succeeded, long failed, long refused) {

    public TaskCounts {
        if (launched < 0 || running < 0 || succeeded < 0 || failed < 0 || refused < 0) {
            throw new IllegalArgumentException("counters are never negative");
        }
    }
}

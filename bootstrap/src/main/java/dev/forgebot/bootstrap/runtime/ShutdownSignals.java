package dev.forgebot.bootstrap.runtime;

import java.util.Objects;

/**
 * Runs an action when the JVM is asked to stop (SIGTERM, SIGINT, the end of {@code main}). Lives in
 * {@code runtime} because a shutdown hook is a thread, and threads are created only here.
 */
public final class ShutdownSignals {

    private ShutdownSignals() {
    }

    /**
     * Registers {@code action} to run once when the JVM shuts down.
     *
     * @param name the hook thread's name, for thread dumps
     */
    public static void onShutdown(String name, Runnable action) {
        Objects.requireNonNull(action, "action");
        Runtime.getRuntime().addShutdownHook(new Thread(action, Objects.requireNonNull(name, "name")));
    }
}

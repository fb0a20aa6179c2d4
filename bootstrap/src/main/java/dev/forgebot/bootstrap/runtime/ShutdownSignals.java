package dev.forgebot.bootstrap.runtime;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Stops the bot on SIGTERM and SIGINT and then exits with status 0 (a plain shutdown hook could
 * clean up too, but the JVM would then exit with 143 or 130, which process managers read as a
 * failure). A shutdown hook runs the same action for any other way the JVM ends. Lives in
 * {@code runtime} because signal handlers and hooks run on threads of their own.
 */
public final class ShutdownSignals {

    private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);

    private ShutdownSignals() {
    }

    /**
     * Runs {@code stop} once when the process is told to stop, then exits 0 when it was a signal.
     *
     * @param name the hook thread's name, for thread dumps
     */
    public static void onStop(String name, Runnable stop) {
        Objects.requireNonNull(stop, "stop");
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                stop.run();
            }
        };
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(signal), received -> {
                    log.info("stop signal received signal=SIG{}", received.getName());
                    once.run();
                    System.exit(0);
                });
            } catch (IllegalArgumentException e) {
                log.warn("cannot handle signal={}, relying on the shutdown hook: {}", signal, e.getMessage());
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(once, Objects.requireNonNull(name, "name")));
    }
}

package dev.forgebot.bootstrap.management;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The bot's health at one moment, as {@code GET /healthz} reports it.
 *
 * @param live     the process is working (false after a fatal condition such as a revoked token)
 * @param ready    it can take traffic (storage reachable, loops running)
 * @param loops    each supervised loop's name and state, sorted by name
 * @param problems what makes it not live or not ready, in words; never a secret
 * @param channel  the channel's state (mode, the webhook's pending updates and last error, ...), sorted by key
 */
public record HealthSnapshot(boolean live, boolean ready, Map<String, String> loops, List<String> problems,
        Map<String, String> channel) {

    public HealthSnapshot {
        Objects.requireNonNull(loops, "loops");
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(channel, "channel");
        loops = Collections.unmodifiableMap(new TreeMap<>(loops));
        problems = List.copyOf(problems);
        channel = Collections.unmodifiableMap(new TreeMap<>(channel));
    }

    /** A snapshot with nothing to say about the channel. */
    public HealthSnapshot(boolean live, boolean ready, Map<String, String> loops, List<String> problems) {
        this(live, ready, loops, problems, Map.of());
    }

    /** Live and ready: {@code /healthz} answers 200. */
    public boolean healthy() {
        return live && ready;
    }
}

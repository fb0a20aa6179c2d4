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
 */
public record HealthSnapshot(boolean live, boolean ready, Map<String, String> loops, List<String> problems) {

    public HealthSnapshot {
        Objects.requireNonNull(loops, "loops");
        Objects.requireNonNull(problems, "problems");
        loops = Collections.unmodifiableMap(new TreeMap<>(loops));
        problems = List.copyOf(problems);
    }

    /** Live and ready: {@code /healthz} answers 200. */
    public boolean healthy() {
        return live && ready;
    }
}

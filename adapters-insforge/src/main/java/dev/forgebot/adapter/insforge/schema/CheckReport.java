package dev.forgebot.adapter.insforge.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link InsForgeCheck#check()} found. Holds no secret; {@link #lines()} renders it for people.
 *
 * @param reachable     the health endpoint answered
 * @param serverVersion the server's version, when reachable
 * @param key           whether the API key was accepted for an admin call
 * @param pending       migrations missing from the server (empty when current or unknown)
 * @param problem       a short description of what went wrong, when something did
 */
public record CheckReport(boolean reachable, Optional<String> serverVersion, KeyStatus key, List<String> pending,
                          Optional<String> problem) {

    /** The API key's status. */
    public enum KeyStatus { VALID, INVALID, UNKNOWN }

    public CheckReport {
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(key, "key");
        pending = List.copyOf(pending);
        Objects.requireNonNull(problem, "problem");
    }

    /** True when reachable, the key valid and the schema current. */
    public boolean ok() {
        return reachable && key == KeyStatus.VALID && pending.isEmpty() && problem.isEmpty();
    }

    /** One human-readable line per check, then the verdict. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(reachable ? "reachable: yes (InsForge " + serverVersion.orElse("unknown") + ")" : "reachable: no");
        out.add(switch (key) {
            case VALID -> "api key: valid";
            case INVALID -> "api key: INVALID (rejected for an admin call: 401/403)";
            case UNKNOWN -> "api key: not checked";
        });
        if (key != KeyStatus.VALID) {
            out.add("schema: not checked");
        } else if (pending.isEmpty() && problem.isEmpty()) {
            out.add("schema: current");
        } else if (!pending.isEmpty()) {
            out.add("schema: " + pending.size() + " migration(s) pending: " + String.join(", ", pending)
                    + " (run migrate)");
        } else {
            out.add("schema: not checked");
        }
        problem.ifPresent(p -> out.add("problem: " + p));
        out.add(ok() ? "result: OK" : "result: NOT OK");
        return out;
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}

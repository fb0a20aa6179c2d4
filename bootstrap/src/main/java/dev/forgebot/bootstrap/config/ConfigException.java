package dev.forgebot.bootstrap.config;

import java.util.List;

/**
 * The configuration cannot start the bot. It carries every problem found, not just the first, each
 * as {@code NAME: what is wrong}, and never a secret's value.
 */
public final class ConfigException extends RuntimeException {

    private final List<String> problems;

    /**
     * @param problems at least one, each naming its variable
     */
    public ConfigException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one problem");
        }
        return "configuration problems:\n" + String.join("\n", problems);
    }

    /** Each problem, {@code NAME: what is wrong}, in the order the variables are read. */
    public List<String> problems() {
        return problems;
    }
}

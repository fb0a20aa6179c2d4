package dev.forgebot.adapter.local.terminal;

/** Hands out the ids of terminal lines: increasing, and never reused across runs. */
@FunctionalInterface
public interface LineIds {

    /** The next id. */
    long next();
}

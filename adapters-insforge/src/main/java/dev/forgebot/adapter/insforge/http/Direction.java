package dev.forgebot.adapter.insforge.http;

/** Sort direction of a records query. */
public enum Direction {
    ASC, DESC
}

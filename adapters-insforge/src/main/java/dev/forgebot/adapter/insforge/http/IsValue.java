package dev.forgebot.adapter.insforge.http;

import java.util.Locale;

/** The only values PostgREST's {@code is} operator accepts. */
public enum IsValue {
    NULL, TRUE, FALSE, UNKNOWN;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.forgebot.adapter.telegram.planted;

import com.google.inject.Injector;

/** Planted: the Telegram adapter reaching for a library it may not use. Never used. */
public final class ChannelUsingGuice {

    private ChannelUsingGuice() {
    }

    static Object messenger(Injector injector) {
        return injector.getAllBindings();
    }
}

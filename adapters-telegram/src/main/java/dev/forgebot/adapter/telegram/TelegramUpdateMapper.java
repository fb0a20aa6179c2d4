package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.ReceivedUpdate;
import dev.forgebot.application.port.in.InboundEvent;
import java.util.Objects;

/**
 * Maps Bot API updates to the application's inbound events, and nothing else: no business rules.
 * Every update maps to exactly one event under the key {@code telegram:<update_id>}, so polling and
 * the webhook store the same update under the same key. Thread-safe.
 */
public final class TelegramUpdateMapper {

    /** The inbox source of every Telegram event. */
    public static final String SOURCE = "telegram";

    private final ChatMigrations migrations;

    public TelegramUpdateMapper(ChatMigrations migrations) {
        this.migrations = Objects.requireNonNull(migrations, "migrations");
    }

    /** The event for one update. */
    public InboundEvent map(ReceivedUpdate update) {
        throw new UnsupportedOperationException("to be written");
    }
}

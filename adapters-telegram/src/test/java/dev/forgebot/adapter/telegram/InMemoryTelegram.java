package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.ScriptedTelegramApi.GetUpdatesCall;
import dev.forgebot.application.fake.RecordingMessenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.domain.lead.ChatId;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telegram in memory for {@link PollingBot}: every process shares one {@link ScriptedTelegramApi} (what
 * Telegram holds) and one {@link RecordingMessenger} (what customers received). No socket, no thread:
 * fit for unit tests. Thread-safe.
 */
final class InMemoryTelegram implements PollingBot.Telegram {

    final ScriptedTelegramApi api = new ScriptedTelegramApi();
    final RecordingMessenger messenger = new RecordingMessenger();
    private final AtomicLong lastUpdateId = new AtomicLong();

    @Override
    public long customerWrites(long chat, String text) {
        // One lock for numbering and queueing, so ids enter the queue in the order they were given.
        synchronized (api) {
            long id = lastUpdateId.incrementAndGet();
            api.push(TestUpdates.text(id, chat, text));
            return id;
        }
    }

    @Override
    public PollingBot.Connection connect(Clock clock, ChatMigrations migrations, Sleeper sleeper) {
        return new PollingBot.Connection(api, messenger, () -> { });
    }

    @Override
    public List<String> textsTo(long chat) {
        return messenger.sentTo(new ChatId(chat)).stream().map(OutboundMessage::text).toList();
    }

    @Override
    public int sentCount() {
        return messenger.sent().size();
    }

    @Override
    public int pendingUpdates() {
        return api.pendingIds().size();
    }

    @Override
    public List<OptionalLong> getUpdatesOffsets() {
        return api.getUpdatesCalls().stream().map(GetUpdatesCall::offset).toList();
    }

    @Override
    public long confirmedBelow() {
        return getUpdatesOffsets().stream().filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong)
                .filter(offset -> offset > 0).max().orElse(0);
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return "in-memory Telegram";
    }
}

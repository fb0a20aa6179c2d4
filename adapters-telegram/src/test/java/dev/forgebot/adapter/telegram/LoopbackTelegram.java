package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.HttpTelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiConfig;
import dev.forgebot.adapter.telegram.fake.FakeBotApi;
import dev.forgebot.application.port.out.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Telegram over loopback HTTP for {@link PollingBot}: the {@link FakeBotApi} holds the updates and
 * records what customers received, and outlives the processes; each process gets its own
 * {@link HttpTelegramApi} (its connection pool, closed when the process dies) and a real
 * {@link TelegramMessenger} on it, without flood limits. Opens sockets: for {@code *IT} tests only.
 * Thread-safe.
 */
final class LoopbackTelegram implements PollingBot.Telegram {

    /** No flood limits (the fake has none), waiting in line up to 30 s. */
    static final MessengerSettings MESSENGER = new MessengerSettings(FloodLimits.OFF, Duration.ofSeconds(30));

    final FakeBotApi fake;

    /** Over {@code fake}, which it closes with itself. */
    LoopbackTelegram(FakeBotApi fake) {
        this.fake = Objects.requireNonNull(fake, "fake");
    }

    /** Over a new fake whose {@code getUpdates} waits at most {@code longPollCap} for an update. */
    static LoopbackTelegram start(Duration longPollCap) {
        return new LoopbackTelegram(FakeBotApi.builder().longPollCap(longPollCap).start());
    }

    @Override
    public long customerWrites(long chat, String text) {
        return fake.enqueueText(chat, chat, text);
    }

    @Override
    public PollingBot.Connection connect(Clock clock, ChatMigrations migrations, Sleeper sleeper) {
        HttpTelegramApi api = new HttpTelegramApi(TelegramApiConfig.defaults(fake.baseUrl(), fake.token()));
        return new PollingBot.Connection(api, new TelegramMessenger(api, migrations, MESSENGER, clock, sleeper),
                api::close);
    }

    @Override
    public List<String> textsTo(long chat) {
        return fake.textsTo(chat);
    }

    @Override
    public int sentCount() {
        return fake.sent().size();
    }

    @Override
    public int pendingUpdates() {
        return fake.pendingUpdates();
    }

    @Override
    public List<OptionalLong> getUpdatesOffsets() {
        return fake.getUpdatesOffsets();
    }

    @Override
    public long confirmedBelow() {
        return fake.confirmedBelow();
    }

    @Override
    public void close() {
        fake.close();
    }

    @Override
    public String toString() {
        return "fake Bot API over loopback";
    }
}

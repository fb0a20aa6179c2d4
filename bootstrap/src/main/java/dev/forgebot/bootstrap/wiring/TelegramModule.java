package dev.forgebot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.forgebot.adapter.telegram.ChatMigrations;
import dev.forgebot.adapter.telegram.FloodLimits;
import dev.forgebot.adapter.telegram.MessengerSettings;
import dev.forgebot.adapter.telegram.PollerSettings;
import dev.forgebot.adapter.telegram.TelegramChannelFiles;
import dev.forgebot.adapter.telegram.TelegramMessenger;
import dev.forgebot.adapter.telegram.TelegramUpdateMapper;
import dev.forgebot.adapter.telegram.TelegramUpdatePoller;
import dev.forgebot.adapter.telegram.TelegramWebhookRegistrar;
import dev.forgebot.adapter.telegram.TelegramWebhookServer;
import dev.forgebot.adapter.telegram.WebhookSecret;
import dev.forgebot.adapter.telegram.WebhookSettings;
import dev.forgebot.adapter.telegram.api.BotToken;
import dev.forgebot.adapter.telegram.api.HttpTelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiConfig;
import dev.forgebot.adapter.telegram.api.WebhookRegistration;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.out.ChannelFiles;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.bootstrap.config.ForgebotConfig;
import dev.forgebot.bootstrap.config.Secret;
import dev.forgebot.bootstrap.management.ForgebotMetrics;
import dev.forgebot.bootstrap.runtime.SupervisedExecutor;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * Telegram as the channel: the Bot API client, the messenger with the configured flood limits, files
 * fetched from Telegram, and the intake, long polling or (with {@code TELEGRAM_WEBHOOK_URL}) a webhook.
 * {@code @Provides} methods call plain constructors; nothing here does I/O.
 */
public final class TelegramModule extends AbstractModule {

    /** Simultaneous webhook deliveries asked of Telegram (its default). */
    static final int WEBHOOK_MAX_CONNECTIONS = 40;
    /** The webhook listens on all interfaces: Telegram (or a TLS terminator) must reach it. */
    static final String WEBHOOK_HOST = "0.0.0.0";

    private final ForgebotConfig config;

    public TelegramModule(ForgebotConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        if (!config.telegramEnabled() || config.operatorChatId().isEmpty()) {
            throw new IllegalArgumentException("the Telegram module needs a bot token and the operators' chat");
        }
    }

    /** The Bot API client of {@code config}; also used by {@code forgebot check}, outside any injector. */
    static HttpTelegramApi newApi(ForgebotConfig config) {
        BotToken token = BotToken.of(config.botToken().map(Secret::reveal).orElseThrow());
        return new HttpTelegramApi(TelegramApiConfig.defaults(config.apiUrl(), token));
    }

    @Provides
    @Singleton
    HttpTelegramApi httpApi() {
        return newApi(config);
    }

    @Provides
    @Singleton
    TelegramApi api(HttpTelegramApi api) {
        return api;
    }

    @Provides
    @Singleton
    ChatMigrations migrations() {
        return new ChatMigrations();
    }

    @Provides
    @Singleton
    TelegramUpdateMapper mapper(ChatMigrations migrations, Clock clock) {
        return new TelegramUpdateMapper(migrations, clock);
    }

    @Provides
    @Singleton
    Messenger messenger(TelegramApi api, ChatMigrations migrations, Clock clock, Sleeper sleeper, ForgebotMetrics metrics) {
        var limits = new FloodLimits(config.ratePerChat(), config.ratePerGroupMinute(), config.rateGlobal());
        var settings = new MessengerSettings(limits, MessengerSettings.DEFAULTS.maxInlineWait());
        return new MeteredMessenger(new TelegramMessenger(api, migrations, settings, clock, sleeper,
                (scope, retryAfter) -> metrics.rateLimited(scope.name().toLowerCase(Locale.ROOT))), metrics);
    }

    @Provides
    @Singleton
    ChannelFiles channelFiles(TelegramApi api) {
        return new TelegramChannelFiles(api);
    }

    @Provides
    @Singleton
    TelegramUpdatePoller poller(TelegramApi api, HandleInboundMessage intake, TelegramUpdateMapper mapper, Sleeper sleeper) {
        return new TelegramUpdatePoller(api, intake, mapper, PollerSettings.defaults(), sleeper,
                TelegramUpdatePoller.randomJitter());
    }

    @Provides
    @Singleton
    TelegramWebhookRegistrar registrar(TelegramApi api, Sleeper sleeper) {
        return new TelegramWebhookRegistrar(api, sleeper);
    }

    /** Long polling, or the webhook when {@code TELEGRAM_WEBHOOK_URL} is set. */
    @Provides
    @Singleton
    ChannelIntake intake(Provider<TelegramUpdatePoller> poller, TelegramApi api, HandleInboundMessage intake,
            TelegramUpdateMapper mapper, SupervisedExecutor executor, TelegramWebhookRegistrar registrar, Clock clock) {
        if (config.webhookUrl().isEmpty()) {
            return new TelegramPolling(poller.get(), clock);
        }
        URI url = config.webhookUrl().get();
        String secret = config.webhookSecret().map(Secret::reveal).orElseThrow();
        var settings = new WebhookSettings(WEBHOOK_HOST, config.webhookPort(), pathOf(url), WebhookSecret.of(secret),
                WebhookSettings.DEFAULT_MAX_BODY_BYTES);
        var server = new TelegramWebhookServer(settings, command -> executor.launch("telegram-webhook-request", command::run),
                intake, mapper::map, api);
        var registration = new WebhookRegistration(url, secret, PollerSettings.defaults().allowedUpdates(),
                WEBHOOK_MAX_CONNECTIONS);
        return new TelegramWebhook(server, registrar, registration);
    }

    /** The endpoint listens on the public URL's path (a TLS terminator in front passes it through). */
    static String pathOf(URI url) {
        String path = url.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}

package dev.forgebot.bootstrap.config;

import dev.forgebot.domain.followup.FollowUpSchedule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the environment configures, typed and validated once (design.md, "Configuration").
 * {@link ConfigLoader} builds it from environment variables and reports every problem at once; this
 * constructor re-checks the invariants and throws {@link IllegalArgumentException} on the first broken one.
 * Secrets are {@link Secret}s, so {@link #toString()} never shows one. Immutable and thread-safe.
 *
 * @param botToken           {@code TELEGRAM_BOT_TOKEN}; absent: terminal chat instead of Telegram
 * @param apiUrl             {@code TELEGRAM_API_URL}, the Bot API base URL
 * @param webhookUrl         {@code TELEGRAM_WEBHOOK_URL}; present: webhook mode, absent: long polling
 * @param webhookSecret      {@code TELEGRAM_WEBHOOK_SECRET}, required with a webhook URL
 * @param webhookPort        {@code FORGEBOT_WEBHOOK_PORT}, the port the webhook listens on
 * @param operatorChatId     {@code FORGEBOT_OPERATOR_CHAT_ID}, the operators' chat, required with Telegram
 * @param insforgeUrl        {@code INSFORGE_URL}; absent: embedded storage
 * @param insforgeApiKey     {@code INSFORGE_API_KEY}, present exactly when {@code insforgeUrl} is
 * @param dataDir            {@code FORGEBOT_DATA_DIR}, the embedded store and files
 * @param aiBaseUrl          {@code FORGEBOT_AI_BASE_URL}; absent: no language model
 * @param aiApiKey           {@code FORGEBOT_AI_API_KEY}, present exactly when {@code aiBaseUrl} is
 * @param aiModel            {@code FORGEBOT_AI_MODEL}, present exactly when {@code aiBaseUrl} is
 * @param managementPort     {@code FORGEBOT_MANAGEMENT_PORT}; absent: no management server
 * @param managementHost     {@code FORGEBOT_MANAGEMENT_HOST}, the address the management server binds to
 * @param instanceId         {@code FORGEBOT_INSTANCE_ID}, default {@code HOSTNAME}: this instance's id, which owns its
 *                           claims on inbox entries; the same across restarts, different for each instance sharing a store
 * @param ratePerChat        {@code FORGEBOT_RATE_PER_CHAT}, messages per second per chat; 0 = off
 * @param ratePerGroupMinute {@code FORGEBOT_RATE_PER_GROUP_MINUTE}, messages per minute per group; 0 = off
 * @param rateGlobal         {@code FORGEBOT_RATE_GLOBAL}, messages per second overall; 0 = off
 * @param followUps          {@code FORGEBOT_FOLLOW_UPS} as written, such as {@code 24h,72h}
 * @param followUpSchedule   {@code followUps} parsed
 * @param scenarioInterval   {@code FORGEBOT_SCENARIO_INTERVAL}, between scenario-generation runs
 * @param shutdownGrace      {@code FORGEBOT_SHUTDOWN_GRACE}, how long running work may finish at shutdown
 * @param retryAfterCap      {@code FORGEBOT_RETRY_AFTER_CAP}, a longer Retry-After ends the retries
 */
public record ForgebotConfig(
        Optional<Secret> botToken,
        URI apiUrl,
        Optional<URI> webhookUrl,
        Optional<Secret> webhookSecret,
        int webhookPort,
        Optional<Long> operatorChatId,
        Optional<URI> insforgeUrl,
        Optional<Secret> insforgeApiKey,
        Path dataDir,
        Optional<URI> aiBaseUrl,
        Optional<Secret> aiApiKey,
        Optional<String> aiModel,
        OptionalInt managementPort,
        String managementHost,
        int ratePerChat,
        int ratePerGroupMinute,
        int rateGlobal,
        String followUps,
        FollowUpSchedule followUpSchedule,
        Duration scenarioInterval,
        Duration shutdownGrace,
        Duration retryAfterCap,
        String instanceId) {

    public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");
    public static final int DEFAULT_WEBHOOK_PORT = 8443;
    /** The instance id when neither {@code FORGEBOT_INSTANCE_ID} nor {@code HOSTNAME} gives one. */
    public static final String DEFAULT_INSTANCE_ID = "forgebot";
    public static final Path DEFAULT_DATA_DIR = Path.of("./data");
    public static final String DEFAULT_MANAGEMENT_HOST = "127.0.0.1";
    public static final int DEFAULT_RATE_PER_CHAT = 1;
    public static final int DEFAULT_RATE_PER_GROUP_MINUTE = 20;
    public static final int DEFAULT_RATE_GLOBAL = 30;
    public static final String DEFAULT_FOLLOW_UPS = "24h,72h";
    public static final Duration DEFAULT_SCENARIO_INTERVAL = Duration.ofHours(6);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_AFTER_CAP = Duration.ofSeconds(10);

    public ForgebotConfig {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(operatorChatId, "operatorChatId");
        Objects.requireNonNull(insforgeUrl, "insforgeUrl");
        Objects.requireNonNull(insforgeApiKey, "insforgeApiKey");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(aiBaseUrl, "aiBaseUrl");
        Objects.requireNonNull(aiApiKey, "aiApiKey");
        Objects.requireNonNull(aiModel, "aiModel");
        Objects.requireNonNull(managementPort, "managementPort");
        Objects.requireNonNull(managementHost, "managementHost");
        Objects.requireNonNull(followUps, "followUps");
        Objects.requireNonNull(followUpSchedule, "followUpSchedule");
        Objects.requireNonNull(scenarioInterval, "scenarioInterval");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(retryAfterCap, "retryAfterCap");
        Objects.requireNonNull(instanceId, "instanceId");

        requireHttpUrl("apiUrl", apiUrl);
        webhookUrl.ifPresent(url -> requireHttpUrl("webhookUrl", url));
        insforgeUrl.ifPresent(url -> requireHttpUrl("insforgeUrl", url));
        aiBaseUrl.ifPresent(url -> requireHttpUrl("aiBaseUrl", url));
        requirePort("webhookPort", webhookPort);
        managementPort.ifPresent(port -> requirePort("managementPort", port));
        require(!managementHost.isBlank(), "managementHost must not be blank");
        require(ratePerChat >= 0 && ratePerGroupMinute >= 0 && rateGlobal >= 0, "rates must be 0 (off) or more");
        require(scenarioInterval.isPositive(), "scenarioInterval must be positive");
        require(!shutdownGrace.isNegative(), "shutdownGrace must not be negative");
        require(!retryAfterCap.isNegative(), "retryAfterCap must not be negative");
        require(followUpSchedule.equals(parseFollowUps(followUps)), "followUpSchedule must be followUps parsed");

        require(botToken.isEmpty() || operatorChatId.isPresent(), "a bot token needs an operator chat id");
        require(webhookUrl.isEmpty() || botToken.isPresent(), "a webhook URL needs a bot token");
        require(webhookUrl.isEmpty() || webhookSecret.isPresent(), "a webhook URL needs a webhook secret");
        require(insforgeUrl.isPresent() == insforgeApiKey.isPresent(), "InsForge needs both a URL and an API key, or neither");
        require(aiBaseUrl.isPresent() == aiApiKey.isPresent() && aiBaseUrl.isPresent() == aiModel.isPresent(),
                "a language model needs a base URL, an API key and a model, or none of them");
    }

    /** The defaults of design.md: nothing set, so the bot runs locally in a terminal on embedded storage. */
    public static ForgebotConfig defaults() {
        return new ForgebotConfig(
                Optional.empty(), DEFAULT_API_URL, Optional.empty(), Optional.empty(), DEFAULT_WEBHOOK_PORT,
                Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_DATA_DIR,
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), DEFAULT_MANAGEMENT_HOST,
                DEFAULT_RATE_PER_CHAT, DEFAULT_RATE_PER_GROUP_MINUTE, DEFAULT_RATE_GLOBAL,
                DEFAULT_FOLLOW_UPS, parseFollowUps(DEFAULT_FOLLOW_UPS),
                DEFAULT_SCENARIO_INTERVAL, DEFAULT_SHUTDOWN_GRACE, DEFAULT_RETRY_AFTER_CAP, DEFAULT_INSTANCE_ID);
    }

    /** Telegram is the chat channel (a bot token is set); otherwise the terminal is. */
    public boolean telegramEnabled() {
        return botToken.isPresent();
    }

    /** InsForge is the storage (URL and key set); otherwise the embedded store is. */
    public boolean insforgeEnabled() {
        return insforgeUrl.isPresent();
    }

    /** A language model writes grounded answers and suggested answers; otherwise answers are extractive. */
    public boolean aiEnabled() {
        return aiBaseUrl.isPresent();
    }

    /** Telegram delivers updates to a webhook; otherwise (with Telegram on) they are long-polled. */
    public boolean webhookMode() {
        return webhookUrl.isPresent();
    }

    /**
     * Parses a follow-up schedule: {@code off} or {@code none} means no follow-ups, anything else is
     * {@link FollowUpSchedule#parse(String)}'s format.
     *
     * @throws IllegalArgumentException when the text is not a schedule
     */
    static FollowUpSchedule parseFollowUps(String text) {
        String normalised = text.strip().toLowerCase(Locale.ROOT);
        if (normalised.equals("off") || normalised.equals("none")) {
            return FollowUpSchedule.none();
        }
        return FollowUpSchedule.parse(text);
    }

    private static void requireHttpUrl(String field, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        require(url.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null,
                field + " must be an absolute http(s) URL");
        require(url.getRawUserInfo() == null, field + " must not carry credentials");
    }

    private static void requirePort(String field, int port) {
        require(port >= 1 && port <= 65_535, field + " must be 1-65535, was " + port);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

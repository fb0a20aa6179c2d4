package dev.forgebot.bootstrap.config;

import dev.forgebot.domain.followup.FollowUpSchedule;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link ForgebotConfig} from environment variables (design.md, "Configuration"). Every variable
 * is read and checked before anything fails, so one run lists every problem. A blank value counts as
 * unset. A secret's value is never repeated in a problem. Stateless.
 */
public final class ConfigLoader {

    public static final String TELEGRAM_BOT_TOKEN = "TELEGRAM_BOT_TOKEN";
    public static final String TELEGRAM_API_URL = "TELEGRAM_API_URL";
    public static final String TELEGRAM_WEBHOOK_URL = "TELEGRAM_WEBHOOK_URL";
    public static final String TELEGRAM_WEBHOOK_SECRET = "TELEGRAM_WEBHOOK_SECRET";
    public static final String FORGEBOT_WEBHOOK_PORT = "FORGEBOT_WEBHOOK_PORT";
    public static final String FORGEBOT_OPERATOR_CHAT_ID = "FORGEBOT_OPERATOR_CHAT_ID";
    public static final String INSFORGE_URL = "INSFORGE_URL";
    public static final String INSFORGE_API_KEY = "INSFORGE_API_KEY";
    public static final String FORGEBOT_DATA_DIR = "FORGEBOT_DATA_DIR";
    public static final String FORGEBOT_AI_BASE_URL = "FORGEBOT_AI_BASE_URL";
    public static final String FORGEBOT_AI_API_KEY = "FORGEBOT_AI_API_KEY";
    public static final String FORGEBOT_AI_MODEL = "FORGEBOT_AI_MODEL";
    public static final String FORGEBOT_MANAGEMENT_PORT = "FORGEBOT_MANAGEMENT_PORT";
    public static final String FORGEBOT_MANAGEMENT_HOST = "FORGEBOT_MANAGEMENT_HOST";
    public static final String FORGEBOT_RATE_PER_CHAT = "FORGEBOT_RATE_PER_CHAT";
    public static final String FORGEBOT_RATE_PER_GROUP_MINUTE = "FORGEBOT_RATE_PER_GROUP_MINUTE";
    public static final String FORGEBOT_RATE_GLOBAL = "FORGEBOT_RATE_GLOBAL";
    public static final String FORGEBOT_FOLLOW_UPS = "FORGEBOT_FOLLOW_UPS";
    public static final String FORGEBOT_SCENARIO_INTERVAL = "FORGEBOT_SCENARIO_INTERVAL";
    public static final String FORGEBOT_SHUTDOWN_GRACE = "FORGEBOT_SHUTDOWN_GRACE";
    public static final String FORGEBOT_RETRY_AFTER_CAP = "FORGEBOT_RETRY_AFTER_CAP";
    public static final String FORGEBOT_INSTANCE_ID = "FORGEBOT_INSTANCE_ID";
    /** Set by most shells and by container runtimes; the default instance id. */
    static final String HOSTNAME = "HOSTNAME";

    /** What @BotFather hands out: the bot's numeric id, a colon, 35 characters. */
    private static final Pattern BOT_TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{35}");
    /** Telegram's rule for {@code secret_token} in setWebhook. */
    private static final Pattern INSTANCE_ID = Pattern.compile("[!-~]{1,64}");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    /** The user-info part of a URL, masked when a URL is echoed in a problem. */
    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/?#@]*@");

    private ConfigLoader() {
    }

    /**
     * Reads the configuration.
     *
     * @param env the environment, usually {@code System.getenv()}; unknown names are ignored
     * @throws ConfigException listing every problem, when there is at least one
     */
    public static ForgebotConfig load(Map<String, String> env) {
        var reader = new Reader(env);

        Optional<Secret> botToken = reader.secret(TELEGRAM_BOT_TOKEN);
        botToken.filter(token -> !BOT_TOKEN.matcher(token.reveal()).matches()).ifPresent(token -> reader.problem(
                TELEGRAM_BOT_TOKEN, "malformed: expected <bot id>:<35 characters> as given by @BotFather (value hidden)"));
        URI apiUrl = reader.url(TELEGRAM_API_URL).orElse(ForgebotConfig.DEFAULT_API_URL);
        Optional<URI> webhookUrl = reader.url(TELEGRAM_WEBHOOK_URL);
        Optional<Secret> webhookSecret = reader.secret(TELEGRAM_WEBHOOK_SECRET);
        webhookSecret.filter(secret -> !WEBHOOK_SECRET.matcher(secret.reveal()).matches()).ifPresent(secret -> reader.problem(
                TELEGRAM_WEBHOOK_SECRET, "must be 1-256 characters of A-Z, a-z, 0-9, _ and - (value hidden)"));
        int webhookPort = reader.port(FORGEBOT_WEBHOOK_PORT).orElse(ForgebotConfig.DEFAULT_WEBHOOK_PORT);
        Optional<Long> operatorChatId = reader.chatId(FORGEBOT_OPERATOR_CHAT_ID);
        Optional<URI> insforgeUrl = reader.url(INSFORGE_URL);
        Optional<Secret> insforgeApiKey = reader.secret(INSFORGE_API_KEY);
        Path dataDir = reader.path(FORGEBOT_DATA_DIR).orElse(ForgebotConfig.DEFAULT_DATA_DIR);
        Optional<URI> aiBaseUrl = reader.url(FORGEBOT_AI_BASE_URL);
        Optional<Secret> aiApiKey = reader.secret(FORGEBOT_AI_API_KEY);
        Optional<String> aiModel = reader.text(FORGEBOT_AI_MODEL);
        Optional<Integer> managementPort = reader.port(FORGEBOT_MANAGEMENT_PORT);
        String managementHost = reader.host(FORGEBOT_MANAGEMENT_HOST).orElse(ForgebotConfig.DEFAULT_MANAGEMENT_HOST);
        int ratePerChat = reader.rate(FORGEBOT_RATE_PER_CHAT).orElse(ForgebotConfig.DEFAULT_RATE_PER_CHAT);
        int ratePerGroupMinute = reader.rate(FORGEBOT_RATE_PER_GROUP_MINUTE).orElse(ForgebotConfig.DEFAULT_RATE_PER_GROUP_MINUTE);
        int rateGlobal = reader.rate(FORGEBOT_RATE_GLOBAL).orElse(ForgebotConfig.DEFAULT_RATE_GLOBAL);
        String followUps = reader.text(FORGEBOT_FOLLOW_UPS).orElse(ForgebotConfig.DEFAULT_FOLLOW_UPS);
        FollowUpSchedule followUpSchedule = reader.followUps(FORGEBOT_FOLLOW_UPS, followUps);
        Duration scenarioInterval = reader.duration(FORGEBOT_SCENARIO_INTERVAL, true)
                .orElse(ForgebotConfig.DEFAULT_SCENARIO_INTERVAL);
        Duration shutdownGrace = reader.duration(FORGEBOT_SHUTDOWN_GRACE, false)
                .orElse(ForgebotConfig.DEFAULT_SHUTDOWN_GRACE);
        Duration retryAfterCap = reader.duration(FORGEBOT_RETRY_AFTER_CAP, false)
                .orElse(ForgebotConfig.DEFAULT_RETRY_AFTER_CAP);

        String instanceId = reader.text(FORGEBOT_INSTANCE_ID).orElseGet(() -> reader.text(HOSTNAME)
                .filter(host -> INSTANCE_ID.matcher(host).matches()).orElse(ForgebotConfig.DEFAULT_INSTANCE_ID));
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            reader.problem(FORGEBOT_INSTANCE_ID, "must be 1-64 visible ASCII characters without spaces");
        }

        // Pairs are judged on what is set, even when a value of the pair was malformed: both problems show.
        if (reader.isSet(TELEGRAM_BOT_TOKEN) && !reader.isSet(FORGEBOT_OPERATOR_CHAT_ID)) {
            reader.problem(FORGEBOT_OPERATOR_CHAT_ID, "required with " + TELEGRAM_BOT_TOKEN + " (the operators' chat)");
        }
        if (reader.isSet(TELEGRAM_WEBHOOK_URL)) {
            if (!reader.isSet(TELEGRAM_WEBHOOK_SECRET)) {
                reader.problem(TELEGRAM_WEBHOOK_SECRET, "required with " + TELEGRAM_WEBHOOK_URL);
            }
            if (!reader.isSet(TELEGRAM_BOT_TOKEN)) {
                reader.problem(TELEGRAM_BOT_TOKEN, "required with " + TELEGRAM_WEBHOOK_URL);
            }
        }
        reader.allOrNone(List.of(INSFORGE_URL, INSFORGE_API_KEY));
        reader.allOrNone(List.of(FORGEBOT_AI_BASE_URL, FORGEBOT_AI_API_KEY, FORGEBOT_AI_MODEL));

        if (!reader.problems.isEmpty()) {
            throw new ConfigException(reader.problems);
        }
        return new ForgebotConfig(
                botToken, apiUrl, webhookUrl, webhookSecret, webhookPort, operatorChatId,
                insforgeUrl, insforgeApiKey, dataDir, aiBaseUrl, aiApiKey, aiModel,
                managementPort.map(OptionalInt::of).orElseGet(OptionalInt::empty), managementHost,
                ratePerChat, ratePerGroupMinute, rateGlobal, followUps, followUpSchedule,
                scenarioInterval, shutdownGrace, retryAfterCap, instanceId);
    }

    /** Reads one variable at a time, turning each bad value into a problem and an empty result. */
    private static final class Reader {

        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = Map.copyOf(env);
        }

        boolean isSet(String name) {
            String value = env.get(name);
            return value != null && !value.isBlank();
        }

        void problem(String name, String what) {
            problems.add(name + ": " + what);
        }

        Optional<String> text(String name) {
            return isSet(name) ? Optional.of(env.get(name).strip()) : Optional.empty();
        }

        Optional<Secret> secret(String name) {
            // Secrets are taken as written: surrounding spaces are more likely a paste error worth
            // reporting through the shape checks than something to hide.
            return isSet(name) ? Optional.of(Secret.of(env.get(name))) : Optional.empty();
        }

        Optional<URI> url(String name) {
            return parse(name, value -> {
                URI uri;
                try {
                    uri = new URI(value);
                } catch (URISyntaxException e) {
                    return invalid("not a URL: " + shownUrl(value));
                }
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    return invalid("must be an absolute http(s) URL, was " + shownUrl(value));
                }
                if (uri.getRawUserInfo() != null) {
                    return invalid("must not carry credentials in the URL (value hidden)");
                }
                return uri;
            });
        }

        Optional<Integer> port(String name) {
            return parse(name, value -> {
                Integer port = integer(value);
                if (port == null || port < 1 || port > 65_535) {
                    return invalid("must be a port number 1-65535, was " + value);
                }
                return port;
            });
        }

        Optional<Integer> rate(String name) {
            return parse(name, value -> {
                Integer rate = integer(value);
                if (rate == null || rate < 0) {
                    return invalid("must be a whole number, 0 (off) or more, was " + value);
                }
                return rate;
            });
        }

        Optional<Long> chatId(String name) {
            return parse(name, value -> {
                try {
                    long id = Long.parseLong(value);
                    if (id == 0) {
                        return invalid("must be a Telegram chat id (not 0), was " + value);
                    }
                    return id;
                } catch (NumberFormatException e) {
                    return invalid("must be a Telegram chat id (a whole number, negative for groups), was " + value);
                }
            });
        }

        Optional<Path> path(String name) {
            return parse(name, value -> {
                try {
                    return Path.of(value);
                } catch (InvalidPathException e) {
                    return invalid("not a path: " + value);
                }
            });
        }

        Optional<String> host(String name) {
            return parse(name, value -> value.chars().anyMatch(Character::isWhitespace)
                    ? invalid("must be a host name or IP address, was " + value)
                    : value);
        }

        Optional<Duration> duration(String name, boolean positive) {
            return parse(name, value -> {
                Duration duration = duration(value);
                if (duration == null) {
                    return invalid("must be a duration like 500ms, 10s, 5m, 6h or 2d, was " + value);
                }
                if (positive && duration.isZero()) {
                    return invalid("must be longer than zero, was " + value);
                }
                return duration;
            });
        }

        FollowUpSchedule followUps(String name, String text) {
            try {
                return ForgebotConfig.parseFollowUps(text);
            } catch (IllegalArgumentException e) {
                problem(name, e.getMessage() + "; or off for no follow-ups");
                return FollowUpSchedule.none();
            }
        }

        void allOrNone(List<String> names) {
            List<String> set = names.stream().filter(this::isSet).toList();
            if (set.isEmpty() || set.size() == names.size()) {
                return;
            }
            List<String> missing = names.stream().filter(name -> !isSet(name)).toList();
            for (String name : missing) {
                problem(name, "required with " + String.join(" and ", set)
                        + " (set all of " + String.join(", ", names) + " or none)");
            }
        }

        /** Parses a set variable; a parser returns {@link #INVALID} after it reported the problem. */
        private <T> Optional<T> parse(String name, Function<String, Object> parser) {
            if (!isSet(name)) {
                return Optional.empty();
            }
            Object result = parser.apply(env.get(name).strip());
            if (result instanceof Invalid(String what)) {
                problem(name, what);
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            T value = (T) result;
            return Optional.of(value);
        }

        private static Invalid invalid(String what) {
            return new Invalid(what);
        }

        private static Integer integer(String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static Duration duration(String value) {
            Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                return null;
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }

        private static String shownUrl(String value) {
            return USER_INFO.matcher(value).replaceFirst("****@");
        }
    }

    private record Invalid(String what) {
    }
}

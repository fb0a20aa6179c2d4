package dev.forgebot.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.forgebot.domain.followup.FollowUpSchedule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    /** Shaped like a real token, and distinctive enough that any leak is found by a substring check. */
    static final String BOT_TOKEN = "123456789:AAHleakedTokenXYZ_abcdefghijklmnopq";
    static final String WEBHOOK_SECRET = "webhook-SECRET_leak_9f8e7d";
    static final String INSFORGE_KEY = "ik_insforge_LEAK_KEY_4242";
    static final String AI_KEY = "sk-or-AI_LEAK_KEY_1717";

    static final List<String> SECRETS = List.of(BOT_TOKEN, WEBHOOK_SECRET, INSFORGE_KEY, AI_KEY);

    private static Map<String, String> everythingSet() {
        var env = new HashMap<String, String>();
        env.put("TELEGRAM_BOT_TOKEN", BOT_TOKEN);
        env.put("TELEGRAM_API_URL", "http://localhost:8081");
        env.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram");
        env.put("TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("FORGEBOT_WEBHOOK_PORT", "88");
        env.put("FORGEBOT_OPERATOR_CHAT_ID", "-1001234567890");
        env.put("INSFORGE_URL", "https://project.insforge.app");
        env.put("INSFORGE_API_KEY", INSFORGE_KEY);
        env.put("FORGEBOT_DATA_DIR", "/var/lib/forgebot");
        env.put("FORGEBOT_AI_BASE_URL", "https://openrouter.ai/api/v1");
        env.put("FORGEBOT_AI_API_KEY", AI_KEY);
        env.put("FORGEBOT_AI_MODEL", "openai/gpt-4o-mini");
        env.put("FORGEBOT_MANAGEMENT_PORT", "9090");
        env.put("FORGEBOT_MANAGEMENT_HOST", "0.0.0.0");
        env.put("FORGEBOT_RATE_PER_CHAT", "0");
        env.put("FORGEBOT_RATE_PER_GROUP_MINUTE", "40");
        env.put("FORGEBOT_RATE_GLOBAL", "0");
        env.put("FORGEBOT_FOLLOW_UPS", "1h,1d");
        env.put("FORGEBOT_SCENARIO_INTERVAL", "30m");
        env.put("FORGEBOT_SHUTDOWN_GRACE", "500ms");
        env.put("FORGEBOT_RETRY_AFTER_CAP", "2d");
        env.put("FORGEBOT_INSTANCE_ID", "eu-1");
        return env;
    }

    private static Map<String, String> with(String... pairs) {
        var env = new HashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static List<String> problemsOf(Map<String, String> env) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(env));
        assertThat(e).as("expected configuration problems").isNotNull();
        return e.problems();
    }

    @Nested
    class Defaults {

        @Test
        void nothingSetRunsLocallyInATerminalWithTheDocumentedDefaults() {
            ForgebotConfig config = ConfigLoader.load(Map.of());

            assertThat(config.botToken()).isEmpty();
            assertThat(config.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
            assertThat(config.webhookUrl()).isEmpty();
            assertThat(config.webhookSecret()).isEmpty();
            assertThat(config.webhookPort()).isEqualTo(8443);
            assertThat(config.operatorChatId()).isEmpty();
            assertThat(config.insforgeUrl()).isEmpty();
            assertThat(config.insforgeApiKey()).isEmpty();
            assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
            assertThat(config.aiBaseUrl()).isEmpty();
            assertThat(config.aiApiKey()).isEmpty();
            assertThat(config.aiModel()).isEmpty();
            assertThat(config.managementPort()).isEmpty();
            assertThat(config.managementHost()).isEqualTo("127.0.0.1");
            assertThat(config.ratePerChat()).isEqualTo(1);
            assertThat(config.ratePerGroupMinute()).isEqualTo(20);
            assertThat(config.rateGlobal()).isEqualTo(30);
            assertThat(config.followUps()).isEqualTo("24h,72h");
            assertThat(config.followUpSchedule()).isEqualTo(FollowUpSchedule.defaults());
            assertThat(config.scenarioInterval()).isEqualTo(Duration.ofHours(6));
            assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
            assertThat(config.retryAfterCap()).isEqualTo(Duration.ofSeconds(10));
            assertThat(config.telegramEnabled()).isFalse();
            assertThat(config.insforgeEnabled()).isFalse();
            assertThat(config.aiEnabled()).isFalse();
            assertThat(config.webhookMode()).isFalse();
        }

        @Test
        void defaultsFactoryEqualsAnEmptyEnvironment() {
            assertThat(ForgebotConfig.defaults()).isEqualTo(ConfigLoader.load(Map.of()));
        }

        @Test
        void blankValuesCountAsUnset() {
            var env = new HashMap<String, String>();
            for (String name : everythingSet().keySet()) {
                env.put(name, "  ");
            }

            assertThat(ConfigLoader.load(env)).isEqualTo(ForgebotConfig.defaults());
        }
    }

    @Nested
    class InstanceId {

        @Test
        void isTheHostNameByDefaultAndForgebotWithoutOne() {
            assertThat(ConfigLoader.load(Map.of()).instanceId()).isEqualTo("forgebot");
            assertThat(ConfigLoader.load(Map.of("HOSTNAME", "bot-7d9f")).instanceId()).isEqualTo("bot-7d9f");
        }

        @Test
        void isTakenFromTheVariableWhenSet() {
            assertThat(ConfigLoader.load(Map.of("HOSTNAME", "bot-7d9f", ConfigLoader.FORGEBOT_INSTANCE_ID, "eu-1"))
                    .instanceId()).isEqualTo("eu-1");
        }

        @Test
        void withSpacesOrTooLongIsAProblem() {
            ConfigException spaced = catchThrowableOfType(ConfigException.class,
                    () -> ConfigLoader.load(Map.of(ConfigLoader.FORGEBOT_INSTANCE_ID, "eu 1")));
            ConfigException longOne = catchThrowableOfType(ConfigException.class,
                    () -> ConfigLoader.load(Map.of(ConfigLoader.FORGEBOT_INSTANCE_ID, "x".repeat(65))));

            assertThat(spaced.getMessage()).contains("FORGEBOT_INSTANCE_ID");
            assertThat(longOne.getMessage()).contains("FORGEBOT_INSTANCE_ID");
        }
    }

    @Nested
    class EverythingSet {

        @Test
        void readsEveryVariable() {
            ForgebotConfig config = ConfigLoader.load(everythingSet());

            assertThat(config.botToken()).contains(Secret.of(BOT_TOKEN));
            assertThat(config.apiUrl()).isEqualTo(URI.create("http://localhost:8081"));
            assertThat(config.webhookUrl()).contains(URI.create("https://bot.example.com/telegram"));
            assertThat(config.webhookSecret()).contains(Secret.of(WEBHOOK_SECRET));
            assertThat(config.webhookPort()).isEqualTo(88);
            assertThat(config.operatorChatId()).contains(-1001234567890L);
            assertThat(config.insforgeUrl()).contains(URI.create("https://project.insforge.app"));
            assertThat(config.insforgeApiKey()).contains(Secret.of(INSFORGE_KEY));
            assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/forgebot"));
            assertThat(config.aiBaseUrl()).contains(URI.create("https://openrouter.ai/api/v1"));
            assertThat(config.aiApiKey()).contains(Secret.of(AI_KEY));
            assertThat(config.aiModel()).contains("openai/gpt-4o-mini");
            assertThat(config.managementPort()).isEqualTo(OptionalInt.of(9090));
            assertThat(config.managementHost()).isEqualTo("0.0.0.0");
            assertThat(config.ratePerChat()).isZero();
            assertThat(config.ratePerGroupMinute()).isEqualTo(40);
            assertThat(config.rateGlobal()).isZero();
            assertThat(config.followUps()).isEqualTo("1h,1d");
            assertThat(config.followUpSchedule().steps()).containsExactly(Duration.ofHours(1), Duration.ofDays(1));
            assertThat(config.scenarioInterval()).isEqualTo(Duration.ofMinutes(30));
            assertThat(config.shutdownGrace()).isEqualTo(Duration.ofMillis(500));
            assertThat(config.retryAfterCap()).isEqualTo(Duration.ofDays(2));
            assertThat(config.instanceId()).isEqualTo("eu-1");
            assertThat(config.telegramEnabled()).isTrue();
            assertThat(config.insforgeEnabled()).isTrue();
            assertThat(config.aiEnabled()).isTrue();
            assertThat(config.webhookMode()).isTrue();
        }

        @Test
        void toStringShowsNoSecret() {
            String text = ConfigLoader.load(everythingSet()).toString();

            assertThat(text).contains("****", "bot.example.com");
            SECRETS.forEach(secret -> assertThat(text).doesNotContain(secret));
        }

        @Test
        void telegramWithLongPollingNeedsOnlyTokenAndOperatorChat() {
            ForgebotConfig config = ConfigLoader.load(with(
                    "TELEGRAM_BOT_TOKEN", BOT_TOKEN, "FORGEBOT_OPERATOR_CHAT_ID", "42"));

            assertThat(config.telegramEnabled()).isTrue();
            assertThat(config.webhookMode()).isFalse();
        }

        @Test
        void followUpsOffMeansNone() {
            assertThat(ConfigLoader.load(with("FORGEBOT_FOLLOW_UPS", "off")).followUpSchedule())
                    .isEqualTo(FollowUpSchedule.none());
        }
    }

    @Nested
    class Rules {

        @Test
        void numbersMustParse() {
            assertThat(problemsOf(with("FORGEBOT_RATE_GLOBAL", "thirty", "FORGEBOT_OPERATOR_CHAT_ID", "ops")))
                    .containsExactly(
                            "FORGEBOT_OPERATOR_CHAT_ID: must be a Telegram chat id (a whole number, negative for groups), was ops",
                            "FORGEBOT_RATE_GLOBAL: must be a whole number, 0 (off) or more, was thirty");
        }

        @Test
        void durationsMustParse() {
            assertThat(problemsOf(with("FORGEBOT_SCENARIO_INTERVAL", "6 hours", "FORGEBOT_SHUTDOWN_GRACE", "-1s",
                    "FORGEBOT_RETRY_AFTER_CAP", "10")))
                    .containsExactly(
                            "FORGEBOT_SCENARIO_INTERVAL: must be a duration like 500ms, 10s, 5m, 6h or 2d, was 6 hours",
                            "FORGEBOT_SHUTDOWN_GRACE: must be a duration like 500ms, 10s, 5m, 6h or 2d, was -1s",
                            "FORGEBOT_RETRY_AFTER_CAP: must be a duration like 500ms, 10s, 5m, 6h or 2d, was 10");
        }

        @Test
        void scenarioIntervalMustBeLongerThanZero() {
            assertThat(problemsOf(with("FORGEBOT_SCENARIO_INTERVAL", "0s")))
                    .containsExactly("FORGEBOT_SCENARIO_INTERVAL: must be longer than zero, was 0s");
        }

        @Test
        void portsMustBeBetween1And65535() {
            assertThat(problemsOf(with("FORGEBOT_WEBHOOK_PORT", "0", "FORGEBOT_MANAGEMENT_PORT", "65536")))
                    .containsExactly(
                            "FORGEBOT_WEBHOOK_PORT: must be a port number 1-65535, was 0",
                            "FORGEBOT_MANAGEMENT_PORT: must be a port number 1-65535, was 65536");
        }

        @Test
        void urlsMustBeAbsoluteHttp() {
            assertThat(problemsOf(with("TELEGRAM_API_URL", "api.telegram.org", "INSFORGE_URL", "ftp://files.example.com",
                    "INSFORGE_API_KEY", INSFORGE_KEY, "FORGEBOT_AI_BASE_URL", "https://exa mple.com",
                    "FORGEBOT_AI_API_KEY", AI_KEY, "FORGEBOT_AI_MODEL", "m")))
                    .containsExactly(
                            "TELEGRAM_API_URL: must be an absolute http(s) URL, was api.telegram.org",
                            "INSFORGE_URL: must be an absolute http(s) URL, was ftp://files.example.com",
                            "FORGEBOT_AI_BASE_URL: not a URL: https://exa mple.com");
        }

        @Test
        void urlsMustNotCarryCredentialsAndTheyAreNotEchoed() {
            List<String> problems = problemsOf(with("TELEGRAM_API_URL", "https://user:pa55word@api.example.com"));

            assertThat(problems).containsExactly(
                    "TELEGRAM_API_URL: must not carry credentials in the URL (value hidden)");
        }

        @Test
        void ratesMustNotBeNegative() {
            assertThat(problemsOf(with("FORGEBOT_RATE_PER_CHAT", "-1")))
                    .containsExactly("FORGEBOT_RATE_PER_CHAT: must be a whole number, 0 (off) or more, was -1");
        }

        @Test
        void followUpsMustBeASchedule() {
            assertThat(problemsOf(with("FORGEBOT_FOLLOW_UPS", "72h,24h")))
                    .singleElement().asString()
                    .startsWith("FORGEBOT_FOLLOW_UPS: follow-up steps must be positive and increasing");
            assertThat(problemsOf(with("FORGEBOT_FOLLOW_UPS", "daily")))
                    .singleElement().asString()
                    .startsWith("FORGEBOT_FOLLOW_UPS: 'daily' is not a duration");
        }

        @Test
        void aBotTokenNeedsTheOperatorChat() {
            assertThat(problemsOf(with("TELEGRAM_BOT_TOKEN", BOT_TOKEN)))
                    .containsExactly("FORGEBOT_OPERATOR_CHAT_ID: required with TELEGRAM_BOT_TOKEN (the operators' chat)");
        }

        @Test
        void aMalformedBotTokenIsReportedWithoutEchoingIt() {
            String leaky = "not-a-token-LEAKME-12345";

            List<String> problems = problemsOf(with("TELEGRAM_BOT_TOKEN", leaky, "FORGEBOT_OPERATOR_CHAT_ID", "42"));

            assertThat(problems).singleElement().asString()
                    .startsWith("TELEGRAM_BOT_TOKEN: malformed")
                    .doesNotContain(leaky)
                    .doesNotContain("LEAKME");
        }

        @Test
        void aWebhookUrlNeedsASecretAndABotToken() {
            assertThat(problemsOf(with("TELEGRAM_WEBHOOK_URL", "https://bot.example.com/hook")))
                    .containsExactly(
                            "TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL",
                            "TELEGRAM_BOT_TOKEN: required with TELEGRAM_WEBHOOK_URL");
        }

        @Test
        void theWebhookSecretMustBeTelegramShapedAndIsNotEchoed() {
            String badSecret = "has spaces and $ LEAKME";
            String tooLong = "a".repeat(257);

            List<String> problems = problemsOf(with("TELEGRAM_BOT_TOKEN", BOT_TOKEN, "FORGEBOT_OPERATOR_CHAT_ID", "42",
                    "TELEGRAM_WEBHOOK_URL", "https://bot.example.com/hook", "TELEGRAM_WEBHOOK_SECRET", badSecret));
            List<String> longProblems = problemsOf(with("TELEGRAM_BOT_TOKEN", BOT_TOKEN, "FORGEBOT_OPERATOR_CHAT_ID", "42",
                    "TELEGRAM_WEBHOOK_URL", "https://bot.example.com/hook", "TELEGRAM_WEBHOOK_SECRET", tooLong));

            assertThat(problems).containsExactly(
                    "TELEGRAM_WEBHOOK_SECRET: must be 1-256 characters of A-Z, a-z, 0-9, _ and - (value hidden)");
            assertThat(longProblems).containsExactlyElementsOf(problems);
        }

        @Test
        void insforgeNeedsBothUrlAndKey() {
            assertThat(problemsOf(with("INSFORGE_URL", "https://p.insforge.app")))
                    .containsExactly("INSFORGE_API_KEY: required with INSFORGE_URL (set all of INSFORGE_URL, INSFORGE_API_KEY or none)");
            assertThat(problemsOf(with("INSFORGE_API_KEY", INSFORGE_KEY)))
                    .containsExactly("INSFORGE_URL: required with INSFORGE_API_KEY (set all of INSFORGE_URL, INSFORGE_API_KEY or none)");
        }

        @Test
        void theModelNeedsAllThreeAiVariables() {
            assertThat(problemsOf(with("FORGEBOT_AI_MODEL", "openai/gpt-4o-mini")))
                    .containsExactly(
                            "FORGEBOT_AI_BASE_URL: required with FORGEBOT_AI_MODEL (set all of FORGEBOT_AI_BASE_URL, "
                                    + "FORGEBOT_AI_API_KEY, FORGEBOT_AI_MODEL or none)",
                            "FORGEBOT_AI_API_KEY: required with FORGEBOT_AI_MODEL (set all of FORGEBOT_AI_BASE_URL, "
                                    + "FORGEBOT_AI_API_KEY, FORGEBOT_AI_MODEL or none)");
        }
    }

    @Nested
    class ManyProblems {

        private Map<String, String> brokenEverywhere() {
            return with(
                    "TELEGRAM_BOT_TOKEN", "LEAKME-malformed-token",
                    "TELEGRAM_WEBHOOK_URL", "bot.example.com",
                    "TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET + " !",
                    "FORGEBOT_WEBHOOK_PORT", "99999",
                    "INSFORGE_API_KEY", INSFORGE_KEY,
                    "FORGEBOT_AI_API_KEY", AI_KEY,
                    "FORGEBOT_RATE_GLOBAL", "-5",
                    "FORGEBOT_SHUTDOWN_GRACE", "soon");
        }

        @Test
        void reportsEveryProblemAtOnceEachNamingItsVariable() {
            List<String> problems = problemsOf(brokenEverywhere());

            assertThat(problems).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly(
                    "TELEGRAM_BOT_TOKEN",
                    "TELEGRAM_WEBHOOK_URL",
                    "TELEGRAM_WEBHOOK_SECRET",
                    "FORGEBOT_WEBHOOK_PORT",
                    "FORGEBOT_RATE_GLOBAL",
                    "FORGEBOT_SHUTDOWN_GRACE",
                    "FORGEBOT_OPERATOR_CHAT_ID",
                    "INSFORGE_URL",
                    "FORGEBOT_AI_BASE_URL",
                    "FORGEBOT_AI_MODEL");
        }

        @Test
        void theMessageListsEveryProblemOnePerLineAndNoSecret() {
            ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(brokenEverywhere()));

            assertThat(e.getMessage().lines().skip(1).toList()).containsExactlyElementsOf(e.problems());
            assertThat(e.getMessage()).doesNotContain("LEAKME");
            SECRETS.forEach(secret -> assertThat(e.getMessage()).doesNotContain(secret));
            assertThat(String.join("\n", e.problems())).doesNotContain("LEAKME");
        }
    }

    @Test
    void theRecordRejectsABrokenInvariantOnItsOwn() {
        ForgebotConfig d = ForgebotConfig.defaults();

        Throwable thrown = catchThrowableOfType(IllegalArgumentException.class, () -> new ForgebotConfig(
                Optional.of(Secret.of(BOT_TOKEN)), d.apiUrl(), d.webhookUrl(), d.webhookSecret(), d.webhookPort(),
                Optional.empty(), d.insforgeUrl(), d.insforgeApiKey(), d.dataDir(), d.aiBaseUrl(), d.aiApiKey(),
                d.aiModel(), d.managementPort(), d.managementHost(), d.ratePerChat(), d.ratePerGroupMinute(),
                d.rateGlobal(), d.followUps(), d.followUpSchedule(), d.scenarioInterval(), d.shutdownGrace(),
                d.retryAfterCap(), d.instanceId()));

        assertThat(thrown).hasMessage("a bot token needs an operator chat id");
    }
}
